using System.Security.Claims;
using IncidentDesk.Web.Features.Account;
using Microsoft.AspNetCore.Localization;

namespace IncidentDesk.Web.Features.Preferences;

internal static class PreferenceEndpoints
{
    public static void MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints) =>
        // Anonymous too: the sign-in page offers the language switch.
        endpoints.MapGet("/preferences/culture", async (
                string? culture, string? returnUrl, HttpContext context, ClaimsPrincipal user, UserPreferencesService preferences) =>
            {
                var chosen = HostingExtensions.SupportedCultures.FirstOrDefault(c => c.Name == culture);
                if (chosen is not null)
                {
                    WriteCultureCookie(context, chosen.Name);
                    if (UserPreferencesService.UserId(user) is { } userId)
                    {
                        await preferences.SetCultureAsync(userId, chosen.Name);
                    }
                }

                return TypedResults.LocalRedirect(AccountEndpoints.SafeReturnUrl(returnUrl));
            })
            .AllowAnonymous();

    public static void WriteCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true,
                // Like every cookie of the desk: Secure everywhere but plain-http Development.
                Secure = context.Request.IsHttps || !context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            });
}
