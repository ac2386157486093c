using MagLearn.Tests.Api;
using Microsoft.AspNetCore.Hosting;

namespace MagLearn.Tests.Checks;

/// <summary>The real host over a <see cref="ContentCopy"/>, with whatever settings a test adds.</summary>
public sealed class CheckedHost(ContentCopy copy, params (string Key, string Value)[] settings) : MagLearnHost
{
    public const string AdminKey = "checks-admin-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Knowledge:ContentPath", copy.Content);
        builder.UseSetting("Flows:DialogsPath", copy.Dialogs);
        builder.UseSetting("Admin:ApiKey", AdminKey);
        builder.UseSetting("Storage:Kind", "Memory");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
