using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace MagLearn.Tests.Support;

/// <summary>
/// The in-memory test server leaves a request's remote address empty; its client is a caller on this machine, so
/// it is given the loopback address a local client would have. A test can still set another address
/// (<c>Server.SendAsync</c>) to play a caller from elsewhere.
/// </summary>
public sealed class CallerOnThisMachine : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            http.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return nextMiddleware(http);
        });
        next(app);
    };
}
