using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Reports;
using IncidentDesk.Web.Features.Reports.Inbox;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentDesk.Web.Tests.Reports;

/// <summary>The intake inbox's pieces: the acknowledgement chip, the list, and a report as an auditor reads it.</summary>
public sealed class InboxComponentTests : MudComponentTestBase
{
    private const string Script = "<script>alert('x')</script>";

    // Received Mon 7 Dec 2026, 13:38 Brasília: the acknowledgement is due by the end of Wed 9 Dec.
    private static readonly DateTime Received = new(2026, 12, 7, 16, 38, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.Zero));

    public InboxComponentTests() => Services.AddSingleton<TimeProvider>(_time);

    [Theory]
    [InlineData(ClockState.OnTime, "mud-chip-color-success", "Confirmar até 09/12/2026")]
    [InlineData(ClockState.DueSoon, "mud-chip-color-warning", "Último dia: confirmar hoje (09/12/2026)")]
    [InlineData(ClockState.Overdue, "mud-chip-color-error", "Atrasado: prazo era 09/12/2026")]
    [InlineData(ClockState.Answered, "mud-chip-color-default", "Respondido")]
    public void The_acknowledgement_chip_colours_and_words_the_promise(ClockState clock, string colour, string text)
    {
        var due = AcknowledgementClock.DueUtc(Received, BusinessCalendar.Default);

        var chip = RenderWithMud<AcknowledgementChip>(p => p.Add(c => c.Clock, clock).Add(c => c.DueUtc, due)).Find("[data-testid=ack-chip]");

        Assert.Contains(colour, chip.ClassList);
        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Equal(text, chip.GetAttribute("aria-label"));
    }

    [Fact]
    public void An_empty_inbox_says_so()
    {
        var list = RenderWithMud<InboxList>(p => p.Add(c => c.Rows, []));

        Assert.Equal("Nenhum relato aguardando triagem.", list.Find("[data-testid=inbox-empty]").TextContent.Trim());
        Assert.Empty(list.FindAll("[data-testid=inbox-table]"));
    }

    [Fact]
    public void A_row_links_to_its_report_shows_its_age_and_keeps_reporter_text_as_one_line_of_text()
    {
        var target = $"{Script}\nlinha dois {new string('x', 200)}";
        var row = Row(7, target, ClockState.Overdue);

        var list = RenderWithMud<InboxList>(p => p.Add(c => c.Rows, [row]));

        Assert.Equal("intake?report=7", list.Find("[data-testid=inbox-open]").GetAttribute("href"));
        Assert.Contains("há 22 min", list.Markup, StringComparison.Ordinal);
        var shown = list.Find("[data-testid=inbox-target]").TextContent;
        Assert.StartsWith(Script + " linha dois", shown, StringComparison.Ordinal);
        Assert.Equal(90, shown.Length);
        Assert.Empty(list.FindAll("script"));
        Assert.Equal("Overdue", list.Find("[data-testid=ack-chip]").GetAttribute("data-clock"));
    }

    [Fact]
    public void An_auditor_reads_every_field_as_text_and_sees_no_triage_action()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("auditora@federacao.example");
        auth.SetRoles(AppRoles.Auditor);
        var report = new InboxReport(Row(3, $"host {Script}", ClockState.OnTime), $"achado {Script}", null, new DateOnly(2026, 12, 5),
            $"poc {Script}", DataAccessAnswer.Yes, null, null, SharingPreference.FederationOnly, null, null, null, false, true,
            [new InboxMessage(true, $"resposta {Script}", Received.AddHours(1), null)]);

        var view = RenderWithMud<InboxReportView>(p => p.Add(c => c.Report, report));

        Assert.Equal($"achado {Script}", view.Find("[data-testid=inbox-report-finding]").TextContent);
        Assert.Equal($"host {Script}", view.Find("[data-testid=inbox-report-target]").TextContent);
        Assert.Equal("Anônimo", view.Find("[data-testid=inbox-reporter]").TextContent.Trim());
        Assert.Contains($"resposta {Script}", view.Find("[data-testid=inbox-thread]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Somente a federação", view.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(view.FindAll("script"));
        Assert.Empty(view.FindAll("[data-testid=triage-promote]"));
        Assert.Empty(view.FindAll("[data-testid=triage-send]"));
    }

    private static InboxRow Row(int id, string target, ClockState clock) => new(
        id, $"RPT-2026-{id:D4}", Received, SecurityReportStatus.Received, target, null, clock,
        AcknowledgementClock.DueUtc(Received, BusinessCalendar.Default), null, null);
}
