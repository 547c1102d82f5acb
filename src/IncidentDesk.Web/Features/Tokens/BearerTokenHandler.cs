using System.Security.Claims;
using System.Text.Encodings.Web;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;
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
    TokenOwnerClaims ownerClaims,
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
            return await RejectAsync("malformed");
        }

        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var hash = AccessTokenSecrets.Hash(secret);
        // The token and its owner's row in one read: whether to refuse is decided on what they say now, every call.
        var token = await (
                from t in db.PersonalAccessTokens.AsNoTracking()
                where t.TokenHash == hash
                join u in db.Users on t.UserId equals u.Id into owners
                from u in owners.DefaultIfEmpty()
                select new TokenRow(t.Id, t.ExpiresAtUtc, t.RevokedAtUtc, t.LastUsedAtUtc, u != null && u.IsActive, u == null ? null
                    : new AccountVersion(u.Id, u.ConcurrencyStamp, u.SecurityStamp, u.UserName, u.Email, u.DisplayName, u.CoopId, u.TwoFactorEnabled)))
            .FirstOrDefaultAsync(Context.RequestAborted);
        var now = time.GetUtcNow().UtcDateTime;
        if (token is null)
        {
            return await RejectAsync("unknown");
        }

        var owner = token.Owner;
        if (token.RevokedAtUtc is not null)
        {
            return await RejectAsync("revoked", token.Id, owner);
        }

        if (token.ExpiresAtUtc <= now)
        {
            return await RejectAsync("expired", token.Id, owner);
        }

        if (owner is null || !token.OwnerIsActive)
        {
            return await RejectAsync("owner inactive", token.Id, owner);
        }

        await RecordUseAsync(db, token, now);
        var claims = ownerClaims.Find(owner) ?? await BuildClaimsAsync(owner);
        if (claims is null)
        {
            return await RejectAsync("owner inactive", token.Id, owner);
        }

        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The claims a sign-in would give the owner, built as the sign-in builds them, then kept for the next call.</summary>
    private async Task<IReadOnlyList<Claim>?> BuildClaimsAsync(AccountVersion account)
    {
        if (await users.FindByIdAsync(account.UserId) is not { } owner)
        {
            return null;
        }

        var claims = (await claimsFactory.CreateAsync(owner)).Claims.ToList();
        ownerClaims.Keep(account, claims);
        return claims;
    }

    private sealed record TokenRow(
        int Id, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc, bool OwnerIsActive, AccountVersion? Owner);

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

    private async Task RecordUseAsync(IncidentDeskDbContext db, TokenRow token, DateTime now)
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

    /// <summary>
    /// Refused, logged and recorded as <c>Access.Denied</c>: for a token the desk knows, in its owner's name (who), with the
    /// request (what) and the reason (why); for an unknown or malformed one, in the client address's.
    /// </summary>
    private async Task<AuthenticateResult> RejectAsync(string reason, int? tokenId = null, AccountVersion? owner = null)
    {
        var clientIp = Context.Connection.RemoteIpAddress?.ToString();
        LogRejected(Logger, reason, tokenId, clientIp);
        var actor = owner is null ? new AuditActor(null, "token:" + reason, clientIp) : new AuditActor(owner.UserId, owner.UserName ?? owner.UserId, clientIp);
        var why = tokenId is { } id ? $"personal access token {id.ToString(System.Globalization.CultureInfo.InvariantCulture)} {reason}" : $"personal access token {reason}";
        await Context.RequestServices.GetRequiredService<AuditLog>()
            .RefusedAsync(Security.TwoFactorEnrolmentRedirect.RequestOf(Context), why, actor, Context.RequestAborted);
        return AuthenticateResult.Fail("Invalid personal access token.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Personal access token rejected ({Reason}, token {TokenId}) from {ClientIp}")]
    private static partial void LogRejected(ILogger logger, string reason, int? tokenId, string? clientIp);
}
