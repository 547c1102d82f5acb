using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Reports.Door;

/// <summary>
/// RFC 9116's <c>/.well-known/security.txt</c>: how to reach the desk about a vulnerability. Expires is computed on every
/// request (never a stale constant) and stays under a year ahead; the other lines come from <see cref="DisclosureOptions"/>.
/// </summary>
public static class SecurityTxt
{
    public static string Render(DisclosureOptions options, Uri baseUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var days = Math.Clamp(options.ExpiresInDays, 1, 364);
        var expires = now.UtcDateTime.AddDays(days);
        var text = new StringBuilder();
        text.Append("# IncidentDesk: report a vulnerability or an exposure of personal data.\n");
        text.Append("Contact: ").Append(new Uri(baseUrl, "report")).Append('\n');
        if (!string.IsNullOrWhiteSpace(options.ContactEmail))
        {
            text.Append("Contact: mailto:").Append(options.ContactEmail.Trim()).Append('\n');
        }

        text.Append("Expires: ").Append(expires.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("Policy: ").Append(new Uri(baseUrl, "disclosure")).Append('\n');
        text.Append("Preferred-Languages: pt, en\n");
        text.Append("Canonical: ").Append(new Uri(baseUrl, ".well-known/security.txt")).Append('\n');
        return text.ToString();
    }

    /// <summary>The configured public address, or the address the request came in on.</summary>
    public static Uri BaseUrl(DisclosureOptions options, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        var configured = options.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/")
            : new Uri(configured.TrimEnd('/') + "/");
    }

    public static IEndpointRouteBuilder MapSecurityTxt(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicPaths.SecurityTxt, (HttpContext context, IOptions<DisclosureOptions> options, TimeProvider time) =>
                Results.Text(Render(options.Value, BaseUrl(options.Value, context.Request), time.GetUtcNow()), "text/plain; charset=utf-8", Encoding.UTF8))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
