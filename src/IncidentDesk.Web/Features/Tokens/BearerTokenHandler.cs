using System.Security.Claims;
using System.Text.Encodings.Web;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IncidentDesk.Web.Features.Tokens;

/// <summary>
/// <c>Authorization: Bearer idk_…</c>: finds the token by its hash and signs the request in as the token's
/// owner, with the very claims a sign-in would give them (role, co-op, 2FA), so the API authorizes like the pages.
/// </summary>
internal sealed partial class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    FederationWideDb dbFactory,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";
    public const string TokenIdClaim = "incidentdesk:token_id";

    // Recording every use would turn each API read into a write; a minute is precise enough for "last used".
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadSecret() is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        if (!secret.StartsWith(AccessTokenSecrets.TokenPrefix, StringComparison.Ordinal))
        {
            return Reject("malformed");
        }

        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var hash = AccessTokenSecrets.Hash(secret);
        var token = await db.PersonalAccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = time.GetUtcNow().UtcDateTime;
        if (token is null)
        {
            return Reject("unknown");
        }

        if (token.RevokedAtUtc is not null)
        {
            return Reject("revoked", token.Id);
        }

        if (token.ExpiresAtUtc <= now)
        {
            return Reject("expired", token.Id);
        }

        var owner = await users.FindByIdAsync(token.UserId);
        if (owner is null || !owner.IsActive)
        {
            return Reject("owner inactive", token.Id);
        }

        await RecordUseAsync(db, token, now);
        var person = await claimsFactory.CreateAsync(owner);
        var identity = new ClaimsIdentity(person.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>
    /// The Authorization header; for the hub also <c>?access_token=</c>, because browsers cannot set headers on a
    /// WebSocket (the SignalR convention). Only the hub's path accepts it, so tokens stay out of other URLs.
    /// </summary>
    private string? ReadSecret()
    {
        string? header = Request.Headers.Authorization;
        if (header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return header[BearerPrefix.Length..].Trim();
        }

        return Request.Path.StartsWithSegments(Hubs.IncidentsHub.Path, StringComparison.OrdinalIgnoreCase)
            && Request.Query["access_token"] is [{ Length: > 0 } fromQuery]
            ? fromQuery
            : null;
    }

    /// <summary>
    /// 401 with the scheme to use; under /api also a problem saying how to get a token, in the client's language. Elsewhere
    /// (the API document, which a browser session may also open, and the hub) the status alone, so the other scheme's
    /// challenge can still answer.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = SchemeName;
        if (!Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        Api.ApiRegistration.UseRequestedCulture(Context);
        await Api.ApiProblems.Unauthenticated(Context.RequestServices.GetRequiredService<IStringLocalizer<ApiResource>>())
            .ExecuteAsync(Context);
    }

    private async Task RecordUseAsync(IncidentDeskDbContext db, PersonalAccessToken token, DateTime now)
    {
        if (token.LastUsedAtUtc is { } last && now - last < LastUsedPrecision)
        {
            return;
        }

        // Conditional, so parallel requests of one client write once; bookkeeping, not an audited change.
        var threshold = now - LastUsedPrecision;
        using var _ = db.WriteUnaudited(UnauditedWrite.TokenLastUsed);
        await db.PersonalAccessTokens
            .Where(t => t.Id == token.Id && (t.LastUsedAtUtc == null || t.LastUsedAtUtc < threshold))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
    }

    private AuthenticateResult Reject(string reason, int? tokenId = null)
    {
        LogRejected(Logger, reason, tokenId, Context.Connection.RemoteIpAddress?.ToString());
        return AuthenticateResult.Fail("Invalid personal access token.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Personal access token rejected ({Reason}, token {TokenId}) from {ClientIp}")]
    private static partial void LogRejected(ILogger logger, string reason, int? tokenId, string? clientIp);
}
