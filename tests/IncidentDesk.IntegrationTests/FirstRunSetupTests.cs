using System.Net;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests;

/// <summary>A fresh install without bootstrap settings: the one-time link is the only way in, and only once.</summary>
public sealed class FirstRunSetupTests
{
    [Fact]
    public async Task One_time_link_creates_the_first_officer_and_then_stops_working()
    {
        await using var host = new IncidentDeskHost(bootstrapOfficer: false, seedDemo: false);
        using var client = host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;
        var setup = host.Services.GetRequiredService<FirstRunSetup>();
        Assert.True(setup.IsOpen);
        var token = ExtractToken(setup);

        var wrong = await client.GetStringAsync(new Uri("account/setup?token=guess", UriKind.Relative), ct);
        Assert.Contains("data-testid=\"setup-invalid\"", wrong, StringComparison.Ordinal);

        var path = $"account/setup?token={token}";
        var form = await client.GetStringAsync(new Uri(path, UriKind.Relative), ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
            ["Input.Name"] = "Beatriz Encarregada",
            ["Input.Email"] = "beatriz@federacao.example",
            ["Input.Password"] = host.OfficerPassword,
            ["Input.Confirm"] = host.OfficerPassword,
        });
        using var created = await client.PostAsync(new Uri(path, UriKind.Relative), content, ct);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var officer = await users.FindByEmailAsync("beatriz@federacao.example");
        Assert.NotNull(officer);
        Assert.True(await users.IsInRoleAsync(officer, "PrivacyOfficer"));
        Assert.False(setup.IsOpen);
        var db = scope.ServiceProvider.GetRequiredService<IncidentDesk.Data.IncidentDeskDbContext>();
        Assert.Single(db.AuditEntries, e => e.Action == "User.Created" && e.EntityId == officer.Id && e.ActorName == "system:setup-link");
        var reused = await client.GetStringAsync(new Uri(path, UriKind.Relative), ct);
        Assert.Contains("data-testid=\"setup-invalid\"", reused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Short_password_is_refused_with_a_clear_message_and_the_link_stays_valid()
    {
        await using var host = new IncidentDeskHost(bootstrapOfficer: false, seedDemo: false);
        using var client = host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;
        var setup = host.Services.GetRequiredService<FirstRunSetup>();
        var path = $"account/setup?token={ExtractToken(setup)}";
        var form = await client.GetStringAsync(new Uri(path, UriKind.Relative), ct);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
            ["Input.Name"] = "Beatriz",
            ["Input.Email"] = "beatriz@federacao.example",
            ["Input.Password"] = "curta",
            ["Input.Confirm"] = "curta",
        });
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pelo menos 12 caracteres", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.True(setup.IsOpen);
    }

    // The token is only ever printed to the console; tests read it from the running app instead.
    private static string ExtractToken(FirstRunSetup setup) =>
        (string)typeof(FirstRunSetup).GetField("_token", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .GetValue(setup)!;
}
