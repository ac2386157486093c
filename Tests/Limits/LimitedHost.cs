using MagLearn.Tests.Api;
using Microsoft.AspNetCore.Hosting;

namespace MagLearn.Tests.Limits;

/// <summary>
/// The host with its request limits on and set small, so a test reaches them in a few requests; each test calls
/// from addresses of its own, so their buckets never meet. Callers in 198.51.100.0/24 may talk to the anonymous
/// bot as if they were on its machine.
/// </summary>
public sealed class LimitedHost : MagLearnHost
{
    public const string AdminKey = "limits-admin-key-0123456789abcdef";

    public static readonly Dictionary<string, string> Settings = new()
    {
        ["Limits:Enabled"] = "true",
        ["Limits:Ask:PerAddress"] = "3",
        ["Limits:Messages:PerAddress"] = "4",
        ["Limits:Messages:PerConversation"] = "2",
        ["Limits:DirectLine:PerAddress"] = "50",
        ["Limits:DirectLine:PerConversation"] = "2",
        ["Limits:Tokens:PerAddress"] = "2",
        ["Limits:Admin:PerAddress"] = "2",
        ["DirectLine:Local:Enabled"] = "true",
        ["DirectLine:Local:Secret"] = "limits-direct-line-secret-0123",
        ["ChannelAccess:AnonymousCallers:0"] = "198.51.100.0/24",
        ["Admin:ApiKey"] = AdminKey,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }
}

[CollectionDefinition(Name)]
public sealed class LimitedHostCollection : ICollectionFixture<LimitedHost>
{
    public const string Name = "Limited host";
}
