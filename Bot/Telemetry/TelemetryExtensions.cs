using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace MagLearn.Bot.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The per-turn metrics, and (with Telemetry:Metrics on) OpenTelemetry exporting them for Prometheus.</summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.Section))
            .Validate(o => o.MetricsPath.StartsWith('/'), "Telemetry:MetricsPath must start with /").ValidateOnStart();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<TurnMetrics>();
        if (builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Metrics == true)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(TurnMetrics.MeterName)
                .AddPrometheusExporter());
        }
        return builder;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.Metrics) app.MapPrometheusScrapingEndpoint(options.MetricsPath);
        return app;
    }
}
