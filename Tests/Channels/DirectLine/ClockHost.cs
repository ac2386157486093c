using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>
/// The channels host on a clock the test moves (<see cref="Clock"/>): token expiry, a stream's end and the sweep of
/// idle conversations happen when the test says, not after a wait.
/// </summary>
public class ClockHost(IReadOnlyDictionary<string, string?> settings) : ChannelsHost(settings)
{
    // Initialised before the base constructor starts the server and asks for it.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
