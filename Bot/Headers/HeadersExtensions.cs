namespace MagLearn.Bot.Headers;

public static class HeadersExtensions
{
    /// <summary>HSTS for a year, for responses sent over HTTPS (behind a proxy, as its <c>X-Forwarded-Proto</c> says).</summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>
    /// The headers of <see cref="SecurityHeaders"/> on every response, 429s and errors included: after the client's
    /// scheme is known, before anything can answer.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseHsts();
        app.Use(SecurityHeaders.Apply);
        return app;
    }
}
