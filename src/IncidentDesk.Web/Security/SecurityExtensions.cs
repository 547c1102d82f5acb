using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using IncidentDesk.Web.Security.Sessions;

namespace IncidentDesk.Web.Security;

internal static class SecurityExtensions
{
    public const string LoginPath = "/account/login";

    public static IServiceCollection AddIncidentDeskSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "IncidentDesk.Auth";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            SessionChecks.Attach(o.Events);
        });

        // Every cookie the app sets (session, 2FA step, antiforgery): HttpOnly, SameSite=Strict, and Secure
        // except in plain-http Development on this machine.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.PostConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });

        // Deny by default: every endpoint and page needs a signed-in user (with 2FA where the role requires it)
        // unless it opts out explicitly.
        Policies.Add(services.AddAuthorizationBuilder());
        services.AddSingleton<IAuthorizationHandler, TwoFactorEnrolledRequirement>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorEnrolmentRedirect>();

        // The security stamp is checked on every request, so deactivation and "sign out everywhere" act at once.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = SessionChecks.KeepSession;
        });
        services.AddSingleton<SessionTerminator>();
        services.AddSingleton<DeskSessions>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddHttpContextAccessor();

        services.AddIdentityCore<AppUser>(o =>
            {
                // "Confirmed" means "active" here (ActiveUserConfirmation): deactivated accounts cannot sign in.
                o.SignIn.RequireConfirmedAccount = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Stores.SchemaVersion = Data.DeskDatabase.IdentitySchema;
            })
            .AddRoles<IdentityRole>()
            .AddUserStore<Data.Identity.DeskUserStore>()
            .AddRoleStore<Data.Identity.DeskRoleStore>()
            .AddSignInManager<DeskSignInManager>()
            .AddClaimsPrincipalFactory<AppUserClaimsFactory>()
            .AddErrorDescriber<Features.Account.LocalizedIdentityErrorDescriber>()
            .AddUserConfirmation<ActiveUserConfirmation>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            // After the defaults, so the authenticator's name points at the provider that takes each time-step once.
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);

        return services;
    }

    // Scripts only from this origin (no inline, no eval); MudBlazor needs inline styles; the 2FA QR code is a data: image;
    // the circuit's WebSocket is same-origin ('self').
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Pages, API answers and downloads carry personal data: no browser or proxy keeps a copy. Only what set its own
            // policy keeps it (fingerprinted static assets, cached for a year).
            context.Response.OnStarting(() =>
            {
                if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }

                // A redirect to this site names the path only: an absolute one would repeat whatever Host the request claimed.
                if (headers.Location is [{ } location] && Uri.TryCreate(location, UriKind.Absolute, out var target)
                    && string.Equals(target.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
                {
                    headers.Location = target.PathAndQuery + target.Fragment;
                }

                return Task.CompletedTask;
            });
            await next();
        });

    /// <summary>HSTS for a year, subdomains included (the common preload floor); no <c>Server</c> banner naming the web server.</summary>
    public static void AddTransportHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
    }
}
