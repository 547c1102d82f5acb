using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentDesk.Web.Features.Account;

/// <summary>
/// The one-time setup link for a database without users. There is no default password anywhere:
/// the link is random per start, printed to the server console only, and dies once used.
/// </summary>
internal sealed partial class FirstRunSetup(ILogger<FirstRunSetup> logger)
{
    public const string Path = "/account/setup";
    private readonly Lock _gate = new();
    private string? _token;

    public bool IsOpen => _token is not null;

    public void Open() => _token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public bool Accepts(string? token)
    {
        var expected = _token;
        return expected is not null && token is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Runs <paramref name="create"/> at most once per link, even when two people submit together.</summary>
    public async Task<bool> TryCompleteAsync(string? token, Func<Task<bool>> create)
    {
        lock (_gate)
        {
            if (!Accepts(token))
            {
                return false;
            }

            _token = null;
        }

        var created = await create();
        if (!created)
        {
            lock (_gate)
            {
                _token ??= token;
            }
        }

        return created;
    }

    public void AnnounceWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var baseUrl = PublicBaseUrl(app.Services.GetRequiredService<IServer>());
            if (_token is not null)
            {
                LogSetupLink(logger, baseUrl, _token);
            }
            else
            {
                LogReady(logger, baseUrl);
            }
        });

    private static string PublicBaseUrl(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No account exists yet. Open this one-time link to create the first privacy officer: {BaseUrl}/account/setup?token={Token} "
        + "(valid until used or until the app restarts; unattended installs can set IncidentDesk__Bootstrap__OfficerEmail and IncidentDesk__Bootstrap__OfficerPassword instead).")]
    private static partial void LogSetupLink(ILogger logger, string baseUrl, string token);

    [LoggerMessage(Level = LogLevel.Information, Message = "IncidentDesk is ready. Sign in at {BaseUrl}/account/login")]
    private static partial void LogReady(ILogger logger, string baseUrl);
}
