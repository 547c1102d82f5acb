using System.Net;
using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.IntegrationTests.Admin;

/// <summary>What the administration tests do again and again: act as someone, accept a link, read the audit trail.</summary>
internal static class AdminTestKit
{
    public static Task<AsyncServiceScope> ActingAsAsync(IncidentDeskHost host, string email) => host.ActingAsAsync(email);

    public static Task<AsyncServiceScope> AsOfficerAsync(IncidentDeskHost host) => ActingAsAsync(host, IncidentDeskHost.OfficerEmail);

    /// <summary>An anonymous scope, as the invitation page has before the person signs in.</summary>
    public static AsyncServiceScope Anonymous(IncidentDeskHost host) => host.Services.CreateAsyncScope();

    /// <summary>The single refusal of <paramref name="result"/> as the page words it (AdminResource, the desk's default pt-BR).</summary>
    public static string RefusalOf(IncidentDeskHost host, Result result) =>
        host.Services.GetRequiredService<IStringLocalizer<AdminResource>>().Message(Assert.Single(result.Errors));

    public static string TokenOf(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@coop.example";

    public static string NewPassword() => $"frase-longa-{Guid.NewGuid():N}";

    /// <summary>Fills in and posts the invitation page as a browser would; returns the POST's response.</summary>
    public static async Task<HttpResponseMessage> AcceptThroughPageAsync(HttpClient client, string link, string name, string password, string? confirm = null)
    {
        var path = new Uri(link.TrimStart('/'), UriKind.Relative);
        var form = await client.GetStringAsync(path);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-invitation",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
            ["Input.Name"] = name,
            ["Input.Password"] = password,
            ["Input.Confirm"] = confirm ?? password,
        });
        return await client.PostAsync(path, content);
    }

    public static async Task<HttpStatusCode> SignInStatusAsync(IncidentDeskHost host, string email, string password)
    {
        using var client = host.CreateBrowserClient();
        using var response = await SignIn.PostLoginAsync(client, email, password);
        return response.StatusCode;
    }

    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(IncidentDeskHost host, string action, string entityId)
    {
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action && e.EntityId == entityId)
            .OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<int> CoopIdAsync(IncidentDeskHost host, string code)
    {
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    public static async Task<Invitation> InvitationAsync(IncidentDeskHost host, int id)
    {
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync();
        return await db.Invitations.AsNoTracking().SingleAsync(i => i.Id == id);
    }
}
