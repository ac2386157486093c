using System.Net;
using System.Net.Sockets;

namespace MagLearn.Soak;

/// <summary>A loopback port nobody listens on right now: the soak's servers never take a port another one uses.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
