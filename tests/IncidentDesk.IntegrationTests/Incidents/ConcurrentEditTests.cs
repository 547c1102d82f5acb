using IncidentDesk.Core.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// Two privacy officers edit the same incident at once. Neither loses work: changes to different fields are both kept;
/// a field both changed is refused with who changed it and when, and the second officer's next save then keeps their
/// text there without undoing the first officer's other changes.
/// </summary>
public sealed class ConcurrentEditTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Id, TestAccount Ana, TestAccount Bruno)> IncidentAsync()
    {
        var ana = await TestAccounts.CreateAsync(fixture.Host, "PrivacyOfficer");
        var bruno = await TestAccounts.CreateAsync(fixture.Host, "PrivacyOfficer");
        await using var scope = await fixture.Host.ActingAsAsync(ana);
        var created = await scope.ServiceProvider.GetRequiredService<IncidentRegisterService>()
            .CreateAsync(IntakeTests.Draft($"Broker exposto {Guid.NewGuid():N}"), Ct);
        return (created.Value.Id, ana, bruno);
    }

    private async Task<Result<IReadOnlyList<string>>> SaveAsync(TestAccount officer, int id, IncidentDraft draft, IncidentDraft basis)
    {
        await using var scope = await fixture.Host.ActingAsAsync(officer);
        return await scope.ServiceProvider.GetRequiredService<IncidentRegisterService>().UpdateAsync(id, draft, basis, Ct);
    }

    /// <summary>The edit form as an officer opens it: the draft they type into and the basis it was read as.</summary>
    private async Task<(IncidentDraft Form, IncidentDraft Basis)> OpenAsync(TestAccount officer, int id)
    {
        await using var scope = await fixture.Host.ActingAsAsync(officer);
        var form = (await scope.ServiceProvider.GetRequiredService<IncidentRegisterService>().GetDraftAsync(id, Ct)).Value;
        return (form, IncidentDraftFields.Copy(form));
    }

    [Fact]
    public async Task Changes_to_different_fields_are_both_kept()
    {
        var (id, ana, bruno) = await IncidentAsync();
        var (anaForm, anaBasis) = await OpenAsync(ana, id);
        var (brunoForm, brunoBasis) = await OpenAsync(bruno, id);

        brunoForm.Severity = IncidentSeverity.Critical;
        Assert.True((await SaveAsync(bruno, id, brunoForm, brunoBasis)).Succeeded);
        anaForm.Summary = "Resumo revisto pela Ana.";
        var saved = await SaveAsync(ana, id, anaForm, anaBasis);

        Assert.True(saved.Succeeded);
        Assert.Equal(["Resumo"], saved.Value);
        await using var db = fixture.CreateDb();
        var stored = await db.Incidents.SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(IncidentSeverity.Critical, stored.Severity);
        Assert.Equal("Resumo revisto pela Ana.", stored.Summary);
    }

    [Fact]
    public async Task A_field_both_changed_is_refused_with_who_and_when_and_the_next_save_keeps_both_officers_work()
    {
        var (id, ana, bruno) = await IncidentAsync();
        var (anaForm, anaBasis) = await OpenAsync(ana, id);
        var (brunoForm, brunoBasis) = await OpenAsync(bruno, id);

        brunoForm.Title = "Título do Bruno";
        brunoForm.AffectedSystems = "Cluster Kafka do chatbot";
        Assert.True((await SaveAsync(bruno, id, brunoForm, brunoBasis)).Succeeded);
        anaForm.Title = "Título da Ana";
        anaForm.Summary = "Resumo da Ana.";
        var refused = await SaveAsync(ana, id, anaForm, anaBasis);

        Assert.False(refused.Succeeded);
        var conflict = Assert.IsType<IncidentEditConflict>(refused.Conflict?.Current);
        Assert.Equal(["Título"], conflict.Fields.Select(f => f.RecordName));
        Assert.Equal(bruno.Email, conflict.ChangedBy);
        Assert.Equal("Título do Bruno", conflict.Current.Title);
        await using (var db = fixture.CreateDb())
        {
            var untouched = await db.Incidents.SingleAsync(i => i.Id == id, Ct);
            Assert.Equal("Título do Bruno", untouched.Title);
            Assert.NotEqual("Resumo da Ana.", untouched.Summary);
        }

        // What the edit page does with the conflict: Bruno's untouched field comes into the form, Ana's text stays.
        IncidentDraftFields.Rebase(anaBasis, anaForm, conflict.Current);
        Assert.Equal("Cluster Kafka do chatbot", anaForm.AffectedSystems);
        Assert.Equal("Título da Ana", anaForm.Title);
        var saved = await SaveAsync(ana, id, anaForm, conflict.Current);

        Assert.True(saved.Succeeded);
        Assert.Equal(["Título", "Resumo"], saved.Value);
        await using var after = fixture.CreateDb();
        var stored = await after.Incidents.SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(("Título da Ana", "Resumo da Ana.", "Cluster Kafka do chatbot"), (stored.Title, stored.Summary, stored.AffectedSystems));
    }

    [Fact]
    public async Task Two_saves_of_the_same_field_at_the_same_moment_one_wins_and_the_other_is_told()
    {
        var (id, ana, bruno) = await IncidentAsync();
        var (anaForm, anaBasis) = await OpenAsync(ana, id);
        var (brunoForm, brunoBasis) = await OpenAsync(bruno, id);
        anaForm.Title = "Título da Ana";
        brunoForm.Title = "Título do Bruno";

        var results = await Task.WhenAll(SaveAsync(ana, id, anaForm, anaBasis), SaveAsync(bruno, id, brunoForm, brunoBasis));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => r.Conflict is not null);
        await using var db = fixture.CreateDb();
        var stored = await db.Incidents.SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(loser.CurrentState<IncidentEditConflict>()!.Current.Title, stored.Title);
        Assert.Equal(winner == results[0] ? "Título da Ana" : "Título do Bruno", stored.Title);
    }
}
