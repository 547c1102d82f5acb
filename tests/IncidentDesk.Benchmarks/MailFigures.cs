using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Mail.Runs;
using IncidentDesk.Web.Security;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IncidentDesk.Benchmarks;

/// <summary>
/// <c>mail [--years 5] [--runs 10] [--only launch|drain|reminders]</c>, each figure beside its floor:
/// a 340 × 12 launch that queues its 340 notices in the same transaction, beside the raw-insert floor of the campaign figure;
/// the outbox drained to a real SMTP server on loopback (launch committed → 340th message accepted), beside MailKit sending
/// the same 340 prepared messages on one open connection; the daily reminder run on a generated history, beside the bare
/// read of the rows it works on.
/// </summary>
internal static class MailFigures
{
    private const int Warmup = 2;

    public static async Task<int> RunAsync(CommandLine args)
    {
        var years = args.Int("years") ?? 5;
        var runs = args.Int("runs") ?? 10;
        var only = args.Text("only");
        args.EnsureAllRead();
        Console.WriteLine($"IncidentDesk mail figures · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine(Figure.Header);
        if (only is null or "launch")
        {
            await LaunchWithNoticesAsync(runs);
        }

        if (only is null or "drain")
        {
            await DrainAsync(Math.Max(3, runs / 2));
        }

        if (only is null or "reminders")
        {
            await ReminderRunAsync(years, runs);
        }

        return 0;
    }

    private static async Task LaunchWithNoticesAsync(int runs)
    {
        await using var run = await FederationRun.StartAsync();
        await ArrangeLiaisonsAsync(run);
        var launch = await Figure.MeasureAsync($"campaign launch {run.CoopCount} × {CampaignFigures.Tasks} + {run.CoopCount} notices queued, one transaction",
            Warmup, runs, i => CampaignFigures.LaunchAsync(run, CampaignFigures.Tasks, $"Bench {i}"));
        var floor = await Figure.MeasureAsync($"floor: raw ADO.NET insert of the same {run.CoopCount * CampaignFigures.Tasks} co-op task rows", Warmup, runs,
            i => CampaignFigures.RawInsertAsync(run, $"Raw {i}"));
        await using (var db = run.CreateDb())
        {
            var perLaunch = await db.OutboxMails.CountAsync(m => m.Kind == MailKind.CampaignNotice) / (Warmup + runs);
            Console.Error.WriteLine($"notices queued per launch: {perLaunch}");
        }

        Console.WriteLine(launch.Row(floor));
        Console.WriteLine(floor.Row());
    }

    private static async Task DrainAsync(int runs)
    {
        await using var smtp = TestSmtpServer.Start();
        var port = LoopbackPort.Free();
        var settings = smtp.DeskSettings(port);
        settings["IncidentDesk:Mail:PollSeconds"] = "5";
        // Six launches in a row would meet the desk's own limit (600 mails a minute); the limiter is not what is measured.
        settings["IncidentDesk:Mail:GlobalPerMinute"] = "1000000";
        await using var run = await FederationRun.StartAsync(extra: settings, port: port);
        var liaisons = await ArrangeLiaisonsAsync(run);
        var samples = new List<double>();
        for (var i = -1; i < runs; i++)
        {
            smtp.Clear();
            await CampaignFigures.LaunchAsync(run, CampaignFigures.Tasks, $"Drain {i}");
            var committed = Stopwatch.GetTimestamp();
            await smtp.WaitForCountAsync(liaisons, TimeSpan.FromMinutes(5));
            if (i >= 0)
            {
                samples.Add(Stopwatch.GetElapsedTime(committed).TotalMilliseconds);
            }
        }

        var drain = new Figure($"outbox drain: launch committed → {liaisons}th notice accepted (MailKit, one connection per batch of 50, each send recorded and audited)", samples);
        var messages = smtp.Received.Select(m => m.Message).ToList();
        var floor = await Figure.MeasureAsync($"floor: MailKit sending the same {messages.Count} prepared messages on one open connection", 1, runs,
            _ => SendPreparedAsync(smtp.Port, messages));
        Console.WriteLine(drain.Row(floor));
        Console.WriteLine(floor.Row());
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mails/s (median): outbox {liaisons / (drain.Median / 1000):0} · floor {messages.Count / (floor.Median / 1000):0}"));
    }

    private static async Task ReminderRunAsync(int years, int runs)
    {
        using var history = await GeneratedHistory.CreateAsync(years);
        await using var run = await FederationRun.StartAsync(history.Path);
        await ArrangeLiaisonsAsync(run);
        var reminders = run.Host.Services.GetRequiredService<ReminderRun>();
        var calendar = run.Host.Services.GetRequiredService<Web.Features.Compliance.BusinessCalendarProvider>().Current;
        var day = Brasilia.Day(DateTime.UtcNow);
        var days = new List<DateOnly>();
        while (days.Count < Warmup + runs)
        {
            day = day.AddDays(1);
            if (ReminderPlan.IsRunDay(day, calendar))
            {
                days.Add(day);
            }
        }

        var queued = new List<int>();
        var figure = await Figure.MeasureAsync($"reminder run, {years}-year history: read, plan, compose and queue every digest, one transaction",
            Warmup, runs, async i =>
            {
                var report = await reminders.RunAsync(days[i < 0 ? -1 - i : Warmup + i], DateTime.UtcNow);
                queued.Add(report.Total);
            });
        var floor = await Figure.MeasureAsync("floor: hand-written SQL reading the unfinished tasks of open incidents it works on", Warmup, runs,
            _ => RawReadAsync(run));
        Console.Error.WriteLine($"mails queued per run: {string.Join(", ", queued)}");
        Console.WriteLine(figure.Row(floor));
        Console.WriteLine(floor.Row());
    }

    private static async Task<int> RawReadAsync(FederationRun run)
    {
        await using var connection = new SqliteConnection(run.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.CoopId, t.CampaignId, i.Reference, c.Title, ct.Title, ct.DueAtUtc, t.Status, c.LaunchedAtUtc
            FROM CoopTasks t JOIN CampaignTasks ct ON ct.Id = t.CampaignTaskId JOIN Campaigns c ON c.Id = t.CampaignId
            JOIN Incidents i ON i.Id = c.IncidentId
            WHERE t.Status NOT IN (3, 4) AND i.Status NOT IN (5, 6) AND ct.DueAtUtc <= $due
            """;
        command.Parameters.AddWithValue("$due", DateTime.UtcNow.AddDays(3));
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = (reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
            rows++;
        }

        return rows;
    }

    private static async Task SendPreparedAsync(int port, IReadOnlyList<MimeMessage> messages)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        using var client = new SmtpClient();
        await client.ConnectAsync(socket, "127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
        foreach (var message in messages)
        {
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(quit: true);
    }

    /// <summary>One liaison per co-op, immediate notices; written straight to the database (no password hashing).</summary>
    private static async Task<int> ArrangeLiaisonsAsync(FederationRun run)
    {
        await using var db = run.CreateDb();
        var role = await db.Roles.Where(r => r.Name == AppRoles.CoopLiaison).Select(r => r.Id).SingleAsync();
        var coops = await db.Coops.Where(c => c.IsActive).Select(c => c.Id).ToListAsync();
        var users = coops.Select(id => string.Create(CultureInfo.InvariantCulture, $"ponto.{id}@coop.example")).Zip(coops, (email, id) => new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = string.Create(CultureInfo.InvariantCulture, $"Ponto Focal {id}"), CoopId = id, IsActive = true,
            SecurityStamp = Guid.NewGuid().ToString(), CreatedAtUtc = DateTime.UtcNow,
        }).ToList();
        db.Users.AddRange(users);
        db.UserRoles.AddRange(users.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = role }));
        await db.SaveArrangedAsync();
        return users.Count;
    }
}
