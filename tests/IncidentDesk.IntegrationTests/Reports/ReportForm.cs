using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Reports;

namespace IncidentDesk.IntegrationTests.Reports;

/// <summary>The public report form as a browser fills it: the page's antiforgery token, form stamp and challenge, then a post.</summary>
public static partial class ReportForm
{
    /// <summary>Settings for a host whose form accepts at once (no minimum fill time) and never throttles the test's loopback address.</summary>
    public static Dictionary<string, string?> OpenSettings(int reportsPerHour = 1000) => new()
    {
        ["IncidentDesk:Disclosure:MinimumFillSeconds"] = "0",
        ["IncidentDesk:Disclosure:ReportsPerAddressPerHour"] = "100000",
        ["IncidentDesk:Disclosure:ReportsPerNetworkPerHour"] = "100000",
        ["IncidentDesk:Disclosure:StatusPostsPerAddressPerMinute"] = "100000",
        ["IncidentDesk:Disclosure:StatusPostsPerNetworkPerMinute"] = "100000",
        ["IncidentDesk:Disclosure:ReportsPerHour"] = reportsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // A small search keeps the tests' solving cheap; the real difficulty is measured in the benchmarks.
        ["IncidentDesk:Disclosure:ChallengeMaxNumber"] = "2000",
    };

    /// <summary>The form's hidden fields and the challenge, as a fresh GET /report gives them.</summary>
    public sealed record Page(string Antiforgery, string Started, PowChallenge Challenge, string Html);

    public static async Task<Page> OpenAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri("report", UriKind.Relative));
        var challenge = JsonSerializer.Deserialize<PowChallenge>(WebUtility.HtmlDecode(PowAttribute().Match(html).Groups[1].Value))!;
        return new Page(SignIn.AntiforgeryToken(html), WebUtility.HtmlDecode(StartedInput().Match(html).Groups[1].Value), challenge, html);
    }

    /// <summary>A complete, valid report with the challenge solved; <paramref name="change"/> edits it before the post.</summary>
    public static Dictionary<string, string> Filled(Page page, Action<Dictionary<string, string>>? change = null, bool solve = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "report",
            ["__RequestVerificationToken"] = page.Antiforgery,
            ["Input.Started"] = page.Started,
            ["Input.Altcha"] = solve ? ProofOfWork.Solve(page.Challenge) : "",
            ["Input.Website"] = "",
            ["Input.Finding"] = "Broker MQTT aberto sem autenticação expõe mensagens de chat com dados de saúde.",
            ["Input.Target"] = "mqtt.exemplo.coop.br:1883",
            ["Input.CoopId"] = "",
            ["Input.HowFound"] = "Varredura de portas abertas em faixa pública.",
            ["Input.FoundOn"] = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ProofOfConcept"] = "mosquitto_sub -h mqtt.exemplo.coop.br -t '#' -C 1",
            ["Input.DataAccessed"] = "Yes",
            ["Input.OthersInformed"] = "Ninguém.",
            ["Input.PlannedDisclosureOn"] = "",
            ["Input.Sharing"] = "ReportOnly",
            ["Input.ReporterName"] = "Joana Pesquisadora",
            ["Input.ReporterOrganisation"] = "Laboratório Independente",
            ["Input.ReporterEmail"] = "joana@pesquisa.example",
            ["Input.ConsentToContact"] = "true",
        };
        change?.Invoke(form);
        return form;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri("report", UriKind.Relative), content);
    }

    /// <summary>Opens, fills, solves and sends one report; returns the reference and code the receipt shows.</summary>
    public static async Task<(string Reference, string Code)> SubmitAsync(HttpClient client, Action<Dictionary<string, string>>? change = null)
    {
        var page = await OpenAsync(client);
        using var response = await PostAsync(client, Filled(page, change));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || ReferenceText().Match(html) is not { Success: true } reference)
        {
            throw new InvalidOperationException($"The report was refused with {(int)response.StatusCode}.");
        }

        return (reference.Groups[1].Value, CodeText().Match(html).Groups[1].Value);
    }

    /// <summary>A browser-like client whose connections leave from <paramref name="source"/> (any 127.x.y.z reaches the host).</summary>
    public static HttpClient ClientFrom(IncidentDeskHost host, string source)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Start();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = host.BaseAddress };
    }

    public static async Task<HttpResponseMessage> PostStatusAsync(HttpClient client, string code)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri("report/status", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "status", ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html), ["Input.Code"] = code,
        });
        return await client.PostAsync(new Uri("report/status", UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> PostReplyAsync(HttpClient client, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri("report/status", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "status", ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html), ["Input.Code"] = code, ["Input.Message"] = message,
        });
        return await client.PostAsync(new Uri("report/status", UriKind.Relative), content);
    }

    [GeneratedRegex("data-pow=\"([^\"]+)\"")]
    private static partial Regex PowAttribute();

    [GeneratedRegex("name=\"Input.Started\" value=\"([^\"]+)\"")]
    private static partial Regex StartedInput();

    [GeneratedRegex("data-testid=\"report-reference\">(RPT-\\d{4}-\\d{4,})<")]
    private static partial Regex ReferenceText();

    [GeneratedRegex("data-testid=\"follow-up-code\">([A-Z0-9-]+)<")]
    private static partial Regex CodeText();
}
