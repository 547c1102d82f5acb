using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>
/// Every link in a mail: the configured <c>IncidentDesk:PublicUrl</c> plus one of the desk's own paths, nothing else — a
/// mail never links to an address taken from data. With no PublicUrl and mail going to the pickup folder (a developer's
/// machine), the address Kestrel listens on stands in.
/// </summary>
public sealed class MailLinks(IOptions<IncidentDeskOptions> desk, IServer server)
{
    private Uri? _base;

    /// <summary>An absolute https address, or http on a loopback host (a developer's machine, the tests); null otherwise.</summary>
    public static Uri? ParseBase(string? value)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var ok = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        return ok ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/") : null;
    }

    public Uri Base => _base ??= ParseBase(desk.Value.PublicUrl) ?? ListeningAddress()
        ?? throw new InvalidOperationException($"{IncidentDeskOptions.Section}:PublicUrl is not set.");

    /// <summary>The absolute link to one of the desk's paths (<c>/my-tasks</c>, <c>/incidents/3?tab=notifications</c>).</summary>
    public string To(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal)
            || path.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException("Mail links name one of the desk's own paths.", nameof(path));
        }

        return new Uri(Base, path.TrimStart('/')).AbsoluteUri;
    }

    private Uri? ListeningAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.Select(a => ParseBase(a.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal))).FirstOrDefault(u => u is not null);
    }
}
