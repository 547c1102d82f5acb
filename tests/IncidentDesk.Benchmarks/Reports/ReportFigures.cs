using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks.Reports;

/// <summary>
/// The public report form: a submission's server time (antiforgery, checks, proof-of-work verification, insert, audit)
/// beside its floor — the same post refused at the honeypot, which pays for everything but the proof-of-work and the
/// database; and a flood of 500 posts from one address while a signed-in officer reads the incident list, beside the
/// same reading on a quiet desk.
/// </summary>
internal static partial class ReportFigures
{
    private const int Submissions = 40;
    private const int Reads = 60;
    private const int Flood = 500;

    public static async Task RunAsync()
    {
        await SubmitFiguresAsync();
        await FloodFiguresAsync();
    }

    private static async Task SubmitFiguresAsync()
    {
        await using var host = new IncidentDeskHost(settings: Settings(open: true));
        host.Start();
        using var client = host.CreateBrowserClient();
        var submit = await Figure.MeasureOwnAsync("report form submit, proof-of-work verified (server)", 3, Submissions, async _ =>
        {
            var form = await FilledAsync(client, honeypot: false);
            return await TimedPostAsync(client, form, HttpStatusCode.OK);
        });
        var floor = await Figure.MeasureOwnAsync("floor: the same post refused at the honeypot", 3, Submissions, async _ =>
        {
            var form = await FilledAsync(client, honeypot: true);
            return await TimedPostAsync(client, form, HttpStatusCode.BadRequest);
        });
        Console.WriteLine(submit.Row(floor));
        Console.WriteLine(floor.Row());
    }

    private static async Task FloodFiguresAsync()
    {
        await using var host = new IncidentDeskHost(settings: Settings(open: false));
        host.Start();
        var officer = await TestAccounts.CreateAsync(host, "PrivacyOfficer");
        using var desk = host.CreateBrowserClient();
        (await SignIn.SignInAsync(desk, officer)).Dispose();
        await ReadAsync("warm-up", desk);
        var quiet = await ReadAsync("officer reads /incidents, quiet desk", desk);

        using var attacker = host.CreateBrowserClient();
        var forms = new List<Dictionary<string, string>>();
        for (var i = 0; i < 12; i++)
        {
            forms.Add(await FilledAsync(attacker, honeypot: false));
        }

        var answers = new int[600];
        var flood = Task.Run(async () =>
        {
            // Eight posts at a time, as fast as the loopback takes them.
            await Parallel.ForAsync(0, Flood, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                using var content = new FormUrlEncodedContent(forms[i % forms.Count]);
                using var response = await attacker.PostAsync(new Uri("report", UriKind.Relative), content, ct);
                Interlocked.Increment(ref answers[(int)response.StatusCode]);
            });
        });
        var during = await ReadAsync("officer reads /incidents during a 500-post flood", desk, until: flood);
        await flood;

        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync();
        Console.WriteLine(during.Row(quiet));
        Console.WriteLine(quiet.Row());
        Console.WriteLine($"flood: {Flood} posts from one address → {answers[200]} stored (200), {answers[429]} refused 429, "
            + $"{answers[400]} refused 400, {answers[500]} failed 500; reports in the database: {await db.SecurityReports.CountAsync()}");
    }

    private static async Task<Figure> ReadAsync(string name, HttpClient desk, Task? until = null)
    {
        var samples = new List<double>();
        for (var i = 0; i < Reads || (until is not null && !until.IsCompleted && samples.Count < 1000); i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await desk.GetAsync(new Uri("incidents", UriKind.Relative));
            await response.Content.ReadAsStringAsync();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The officer's page answered {(int)response.StatusCode}.");
            }
        }

        return new Figure(name, samples);
    }

    private static async Task<TimeSpan> TimedPostAsync(HttpClient client, Dictionary<string, string> form, HttpStatusCode expected)
    {
        using var content = new FormUrlEncodedContent(form);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(new Uri("report", UriKind.Relative), content);
        await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return response.StatusCode == expected ? elapsed : throw new InvalidOperationException($"The form answered {(int)response.StatusCode}.");
    }

    private static async Task<Dictionary<string, string>> FilledAsync(HttpClient client, bool honeypot)
    {
        var html = await client.GetStringAsync(new Uri("report", UriKind.Relative));
        var challenge = JsonSerializer.Deserialize<PowChallenge>(WebUtility.HtmlDecode(PowAttribute().Match(html).Groups[1].Value))!;
        return new Dictionary<string, string>
        {
            ["_handler"] = "report",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html),
            ["Input.Started"] = WebUtility.HtmlDecode(StartedInput().Match(html).Groups[1].Value),
            ["Input.Altcha"] = ProofOfWork.Solve(challenge),
            ["Input.Website"] = honeypot ? "http://spam.example" : "",
            ["Input.Finding"] = "Broker MQTT aberto sem autenticação expõe mensagens de chat com dados de saúde.",
            ["Input.Target"] = "mqtt.exemplo.coop.br:1883",
            ["Input.DataAccessed"] = "Yes",
            ["Input.Sharing"] = "ReportOnly",
            ["Input.ReporterEmail"] = "joana@pesquisa.example",
            ["Input.ConsentToContact"] = "true",
        };
    }

    private static Dictionary<string, string?> Settings(bool open)
    {
        // Run from anywhere: tell the test server where the app's content root is, as FederationRun does.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var web = Path.Combine(folder.FullName, "src", "IncidentDesk.Web");
            if (Directory.Exists(web))
            {
                Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INCIDENTDESK_WEB", web);
                break;
            }
        }

        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["IncidentDesk:Disclosure:MinimumFillSeconds"] = "0",
        };
        if (open)
        {
            // The submit figure measures the work of one report, not the limit: one address sends them all.
            settings["IncidentDesk:Disclosure:ReportsPerAddressPerHour"] = "100000";
            settings["IncidentDesk:Disclosure:ReportsPerNetworkPerHour"] = "100000";
            settings["IncidentDesk:Disclosure:ReportsPerHour"] = "100000";
        }

        return settings;
    }

    [GeneratedRegex("data-pow=\"([^\"]+)\"")]
    private static partial Regex PowAttribute();

    [GeneratedRegex("name=\"Input.Started\" value=\"([^\"]+)\"")]
    private static partial Regex StartedInput();
}
