using System.Net;
using System.Net.Sockets;

namespace IncidentDesk.Testing;

/// <summary>A port nothing listens on right now, on loopback only (throwaway servers never face the network).</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
