using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Security;

/// <summary>
/// Outside Development every cookie is Secure (sign-in, 2FA step, antiforgery), so over plain HTTP nobody can sign in and
/// the antiforgery system refuses to render a form at all. Rather than that failure, a request that reached the app over
/// plain HTTP — directly, or from a proxy that is not trusted or does not send <c>X-Forwarded-Proto: https</c> — gets a
/// 403 page saying why and how to fix it (JSON for the API), and the log says the same once at start and at the first
/// such request. Health probes stay open on plain HTTP: load balancers and systemd call Kestrel directly.
/// </summary>
internal static partial class PlainHttpRefusal
{
    public static void UsePlainHttpRefusal(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return; // cookies follow the request's scheme there (SecurityExtensions)
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlainHttpRefusal).FullName!);
        var forwarding = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        var trusted = string.Join(", ", forwarding.KnownProxies.Select(p => p.ToString())
            .Concat(forwarding.KnownIPNetworks.Select(n => n.ToString())));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var plain = addresses.Where(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)).ToList();
            if (plain.Count > 0)
            {
                LogListeningOnPlainHttp(logger, app.Environment.EnvironmentName, string.Join(", ", plain), trusted);
            }
        });

        var firstRefusal = 0;
        app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            if (Interlocked.Exchange(ref firstRefusal, 1) == 0)
            {
                LogRefused(logger, context.Request.Path, context.Connection.RemoteIpAddress?.ToString(), trusted);
            }

            await RefuseAsync(context);
        });
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SecurityResource>>();
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            Api.ApiRegistration.UseRequestedCulture(context);
            await TypedResults.Problem(title: text["PlainHttp.Title"], detail: $"{text["PlainHttp.Why"]} {text["PlainHttp.FixProxy"]} {text["PlainHttp.FixCertificate"]}".Replace("`", "", StringComparison.Ordinal),
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        // The culture cookie has been read (UseRequestLocalization runs before): Portuguese unless the person chose English.
        // The app's encoder keeps accented letters as they are (WebEncoderOptions), like the rest of its HTML.
        var html = context.RequestServices.GetService<HtmlEncoder>() ?? HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="{{html.Encode(CultureInfo.CurrentUICulture.Name)}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{html.Encode(text["PlainHttp.Title"])}} · IncidentDesk</title>
            <style>
              body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 0; background: #f5f5f5; color: #1f2933; line-height: 1.5; }
              main { max-width: 42rem; margin: 3rem auto; padding: 2rem; background: #fff; border-top: 4px solid #b45309; border-radius: 4px; }
              h1 { font-size: 1.4rem; margin-top: 0; }
              h2 { font-size: 1.05rem; margin-bottom: .25rem; }
              code { background: #f1f1f1; padding: 0 .25rem; border-radius: 3px; overflow-wrap: anywhere; }
              li { margin-bottom: .5rem; }
              @media (max-width: 40rem) { main { margin: 0; border-radius: 0; padding: 1.25rem; } }
            </style>
            </head>
            <body>
            <main>
            <h1>{{html.Encode(text["PlainHttp.Title"])}}</h1>
            <p>{{html.Encode(text["PlainHttp.Why"])}}</p>
            <p>{{html.Encode(text["PlainHttp.ForVisitors"])}}</p>
            <h2>{{html.Encode(text["PlainHttp.ForOperators"])}}</h2>
            <ul>
            <li>{{Code(html, text["PlainHttp.FixProxy"])}}</li>
            <li>{{Code(html, text["PlainHttp.FixCertificate"])}}</li>
            <li>{{Code(html, text["PlainHttp.FixTryOut"])}}</li>
            </ul>
            <p>{{html.Encode(text["PlainHttp.Log"])}}</p>
            </main>
            </body>
            </html>
            """);
    }

    /// <summary>Encodes the text and sets what is a setting, header or command in backquotes (`…`) as code.</summary>
    private static string Code(HtmlEncoder html, string text) =>
        string.Concat(text.Split('`').Select((part, i) => i % 2 == 1 ? $"<code>{html.Encode(part)}</code>" : html.Encode(part)));

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "IncidentDesk runs in {Environment} and listens on plain HTTP ({Addresses}). Its cookies are Secure, so browsers can sign in "
        + "only over HTTPS: terminate TLS at a reverse proxy that sends X-Forwarded-Proto: https from an address the app trusts "
        + "(IncidentDesk:Proxy:KnownProxies / KnownNetworks; now: {Trusted}), or give Kestrel a certificate "
        + "(Kestrel__Certificates__Default__Path and Kestrel__Certificates__Default__KeyPath) and an https:// URL. Requests that still "
        + "arrive over plain HTTP are answered 403 with this explanation; /health answers as usual.")]
    private static partial void LogListeningOnPlainHttp(ILogger logger, string environment, string addresses, string trusted);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Refused a plain-HTTP request for {Path} from {ClientIp} (403, explained to the visitor). Behind a proxy: it must send "
        + "X-Forwarded-Proto: https and be trusted (IncidentDesk:Proxy; now: {Trusted}). Logged once per start.")]
    private static partial void LogRefused(ILogger logger, PathString path, string? clientIp, string trusted);
}
