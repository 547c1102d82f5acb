using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace IncidentDesk.Web.Security;

/// <summary>
/// Running behind a TLS-terminating proxy (nginx): the original scheme and client address come from
/// <c>X-Forwarded-Proto</c> / <c>X-Forwarded-For</c>, but only when the connection comes from a trusted proxy.
/// Without this, cookies would not be marked Secure under HTTPS, HSTS would never be sent and every client would share
/// the proxy's address in the rate limits and the audit trail. Trusting everyone instead would let any client pick the
/// address it is rate-limited and audited under.
/// </summary>
public static class ReverseProxy
{
    /// <summary>
    /// <c>IncidentDesk:Proxy:KnownProxies</c> (addresses) and <c>IncidentDesk:Proxy:KnownNetworks</c> (CIDR), each a list
    /// (<c>IncidentDesk__Proxy__KnownProxies__0=10.0.0.5</c>) or one comma-separated value. When either is set, only
    /// those are trusted; when neither is, ASP.NET's default applies: loopback only (nginx on the same host).
    /// </summary>
    public const string Section = "IncidentDesk:Proxy";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            // Host is not taken from the proxy: nginx passes the original Host header itself, and a forwarded host
            // would only be one more thing a client could forge.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var section = configuration.GetSection(Section);
            var proxies = Entries(section.GetSection("KnownProxies"));
            var networks = Entries(section.GetSection("KnownNetworks"));
            if (proxies.Count == 0 && networks.Count == 0)
            {
                return;
            }

            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a CIDR range (e.g. 10.0.0.0/24)."));
            }
        }).ValidateOnStart(); // a mistyped address stops the start instead of the first request
        return services;
    }

    /// <summary>First in the pipeline: everything after it (HSTS, cookies, rate limits, audit) sees the client's view.</summary>
    public static IApplicationBuilder UseReverseProxySupport(this IApplicationBuilder app) => app.UseForwardedHeaders();

    private static List<string> Entries(IConfigurationSection list)
    {
        // Some configuration sources give a list's parent an empty value, so the parent and its children are both read.
        IEnumerable<string?> values = [list.Value, .. list.GetChildren().Select(c => c.Value)];
        return [.. values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
    }
}
