using System.Globalization;
using System.Threading.RateLimiting;
using MagLearn.Bot.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Limits;

public static class LimitsExtensions
{
    /// <summary>
    /// Bounded work per stranger: rate limits per client address and per conversation (<see cref="LimitsOptions"/>),
    /// a 429 with <c>Retry-After</c> beyond them, and the largest body any request may send.
    /// </summary>
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LimitsOptions>().Bind(builder.Configuration.GetSection(LimitsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsProblems>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((limiter, limits) =>
        {
            limiter.GlobalLimiter = RateBuckets.ForRequests(limits.Value);
            limiter.OnRejected = RejectAsync;
        });
        services.AddSingleton<ITurnAdmission>(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<LimitsOptions>>().Value;
            return new ConversationTurnLimit(limits.Enabled && limits.Messages.PerConversation > 0
                ? RateBuckets.ForConversations(limits.Messages.PerConversation)
                : null);
        });
        return builder;
    }

    /// <summary>Counts every request from here on; first in the pipeline after the client's address is known.</summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<LimitsOptions>>().Value.Enabled) app.UseRateLimiter();
        else app.Logger.LogWarning("Request limits are off (Limits:Enabled=false): any client may send as much as it likes");
        return app;
    }

    /// <summary>429, when to come back, and a reason in the shape the caller reads (Direct Line's own for its clients).</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"too many requests; try again in {seconds} s";
        var (kind, _) = RequestKinds.Of(rejected.HttpContext.Request);
        object body = kind is RequestKind.DirectLine or RequestKind.DirectLinePost
            ? new { error = new { code = "TooManyRequests", message } }
            : new { error = message };
        await response.WriteAsJsonAsync(body, cancellationToken);
    }

    private sealed class LimitsProblems : IValidateOptions<LimitsOptions>
    {
        public ValidateOptionsResult Validate(string? name, LimitsOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
