using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Proxy;

public static class ProxyExtensions
{
    /// <summary>The client's own address and scheme, from the forwarded headers of trusted proxies only (<see cref="ProxyOptions"/>).</summary>
    public static WebApplicationBuilder AddProxyHeaders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxyOptions>().Bind(builder.Configuration.GetSection(ProxyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyProblems>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // nginx appends the address it saw to whatever the client sent: only that last entry is nginx's word.
            forwarded.ForwardLimit = 1;
            if (proxy.Value.TrustedProxies.Count == 0) return;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var trusted in proxy.Value.TrustedProxies)
                foreach (var form in ProxyOptions.Forms(ProxyOptions.Network(trusted)!.Value)) forwarded.KnownIPNetworks.Add(form);
        });
        return builder;
    }

    /// <summary>First in the pipeline: every part after it sees the client, not the proxy.</summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    private sealed class ProxyProblems : IValidateOptions<ProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
