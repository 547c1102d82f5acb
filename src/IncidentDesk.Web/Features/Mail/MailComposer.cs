using System.Globalization;
using IncidentDesk.Core.Mail;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>
/// The words of every mail, in the recipient's language, from Resources/MailResource*.resx. A mail names no data subject
/// and says no more of an incident than its reference, its title and what to do: the link leads to the desk, which decides
/// what the reader may see there.
/// </summary>
public sealed class MailComposer(IStringLocalizerFactory localizers, MailLinks links)
{
    private readonly IStringLocalizer l = localizers.Create(typeof(MailResource));

    public MailContent Invitation(string culture, InvitationMail mail) => In(culture, () =>
    {
        ArgumentNullException.ThrowIfNull(mail);
        var intro = mail.CoopCode is null
            ? l["Invitation.Intro", l[$"Role.{mail.Role}"]]
            : l["Invitation.IntroCoop", mail.CoopName ?? "", mail.CoopCode];
        return new MailBody()
            .Paragraph(Greeting(new MailRecipient(null, "", mail.Name ?? "", MailDelivery.Immediate, culture)))
            .Paragraph(intro)
            .Paragraph(l["Invitation.Action", Moment(mail.ExpiresAtUtc)])
            .Action(l["Invitation.Button"], mail.Link)
            .Paragraph(l["Invitation.Ignore"])
            .Footer([l["Footer.AlwaysSent"], l["Footer.NoReply"]])
            .Build(l["Invitation.Subject"], culture);
    });

    public MailContent CampaignNotice(string culture, MailRecipient to, CampaignNoticeMail mail) => In(culture, () =>
    {
        ArgumentNullException.ThrowIfNull(mail);
        return new MailBody()
            .Paragraph(Greeting(to))
            .Paragraph(l["Notice.Intro", mail.CoopName, mail.CoopCode, mail.IncidentReference, mail.IncidentTitle, mail.CampaignTitle])
            .Table([l["Table.Task"], l["Table.Due"]], mail.Tasks.Select(t => (IReadOnlyList<string>)[t.Title, Day(Core.Mail.ReminderPlan.DueDay(t.DueAtUtc))]))
            .Paragraph(l["Notice.Action"])
            .Action(l["Button.MyTasks"], links.To("/my-tasks"))
            .Footer(NonCriticalFooter())
            .Build(l["Notice.Subject", mail.IncidentReference, mail.CoopCode, mail.CampaignTitle], culture);
    });

    public MailContent LiaisonDigest(string culture, MailRecipient to, LiaisonDigestMail mail) => In(culture, () =>
    {
        ArgumentNullException.ThrowIfNull(mail);
        var body = new MailBody().Paragraph(Greeting(to)).Paragraph(l["Digest.Intro", mail.CoopName, mail.CoopCode]);
        Section(body, l["Digest.New"], mail.Reminder.NewTasks, late: false);
        Section(body, l["Digest.DueSoon", Day(mail.NextBusinessDay)], mail.Reminder.DueSoon, late: false);
        Section(body, l["Digest.Overdue"], mail.Reminder.Overdue, late: true);
        return body.Paragraph(l["Digest.Action"])
            .Action(l["Button.MyTasks"], links.To("/my-tasks"))
            .Footer(NonCriticalFooter())
            .Build(l["Digest.Subject", mail.CoopCode, Day(mail.Day)], culture);
    });

    public MailContent Escalation(string culture, MailRecipient to, EscalationMail mail) => In(culture, () =>
    {
        ArgumentNullException.ThrowIfNull(mail);
        var body = new MailBody().Paragraph(Greeting(to))
            .Paragraph(l["Escalation.Intro", mail.CoopName, mail.CoopCode, mail.AfterBusinessDays]);
        Section(body, l["Digest.Overdue"], mail.Tasks, late: true);
        return body.Paragraph(mail.HasLiaison ? l["Escalation.WithLiaison"] : l["Escalation.NoLiaison"])
            .Footer([l["Footer.Encarregado", mail.CoopCode], l["Footer.NoReply"]])
            .Build(l["Escalation.Subject", mail.CoopCode], culture);
    });

    public MailContent OfficerDigest(string culture, MailRecipient to, DateOnly day, IReadOnlyList<OverdueCampaign> campaigns) => In(culture, () =>
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        var body = new MailBody().Paragraph(Greeting(to)).Paragraph(l["OfficerDigest.Intro"]);
        foreach (var campaign in campaigns)
        {
            body.Heading(l["OfficerDigest.Campaign", campaign.IncidentReference, campaign.CampaignTitle])
                .Table([l["Table.Coop"], l["Table.Overdue"], l["Table.Reach"]], campaign.Coops.Select(c => (IReadOnlyList<string>)
                    [$"{c.CoopCode} {c.CoopName}", c.OverdueTasks.ToString(CultureInfo.CurrentCulture),
                        c.Reachable ? l["OfficerDigest.Reachable"] : l["OfficerDigest.Unreachable"]]))
                .Action(l["OfficerDigest.Button", campaign.IncidentReference], links.To($"/incidents/{campaign.IncidentId}?tab=tasks"));
        }

        return body.Footer(NonCriticalFooter())
            .Build(l["OfficerDigest.Subject", campaigns.Sum(c => c.Coops.Count), Day(day)], culture);
    });

    public MailContent DeadlineAlert(string culture, MailRecipient to, Core.Mail.DeadlineAlert alert) => In(culture, () =>
    {
        ArgumentNullException.ThrowIfNull(alert);
        var c = alert.Controller;
        var stage = alert.Stage.ToString();
        return new MailBody().Paragraph(Greeting(to))
            .Paragraph(l["Alert.Intro", c.CoopName, c.CoopCode, c.IncidentReference, c.IncidentTitle])
            .Table([l["Table.Communication"], l["Table.Due"]], alert.Unfiled.Select(k => (IReadOnlyList<string>)[l[MailCultures.DeadlineLabelKey(k)], Day(alert.Deadline)]))
            .Paragraph(l[$"Alert.When.{stage}", Day(alert.Deadline)])
            .Paragraph(l["Alert.Action"])
            .Action(l["Alert.Button"], links.To($"/incidents/{c.IncidentId}?tab=notifications"))
            .Footer([l["Footer.AlwaysSent"], l["Footer.NoReply"]])
            .Build(l[$"Alert.Subject.{stage}", c.IncidentReference, c.CoopCode, Day(alert.Deadline)], culture);
    });

    /// <summary>An exposed broker of the recipient's co-op: what the desk saw, the task that asks them to close it.</summary>
    public MailContent ExposureFinding(string culture, MailRecipient to, Exposure.Findings.FindingNotice finding) => In(culture, () =>
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new MailBody().Paragraph(Greeting(to))
            .Paragraph(l["Finding.Intro", finding.Endpoint, finding.CoopCode, Moment(finding.CheckedAtUtc), finding.TopicCount])
            .Paragraph(l["Finding.Action", Moment(finding.DueAtUtc)])
            .Action(l["Button.MyTasks"], links.To("/my-tasks"))
            .Footer([l["Footer.AlwaysSent"], l["Footer.NoReply"]])
            .Build(l["Finding.Subject", finding.CoopCode, finding.Endpoint], culture);
    });

    /// <summary>An outside reporter's status page has news: the reference and the link, never the news itself.</summary>
    public MailContent ReporterUpdate(string culture, string reference) => In(culture, () =>
        new MailBody().Paragraph(l["Greeting.NoName"])
            .Paragraph(l["Reporter.Intro", reference])
            .Action(l["Reporter.Button"], links.To("/report/status"))
            .Footer([l["Reporter.Footer"], l["Footer.NoReply"]])
            .Build(l["Reporter.Subject", reference], culture));

    private void Section(MailBody body, string heading, IReadOnlyList<DigestTask> tasks, bool late)
    {
        if (tasks.Count == 0)
        {
            return;
        }

        body.Heading(heading).Table([l["Table.Task"], l["Table.Campaign"], l["Table.Due"]], tasks.Select(t => (IReadOnlyList<string>)
        [
            t.TaskTitle, $"{t.IncidentReference} — {t.CampaignTitle}",
            late ? $"{Day(t.DueDay)} ({(t.BusinessDaysLate == 1 ? l["Late.One"] : l["Late.Many", t.BusinessDaysLate])})" : Day(t.DueDay),
        ]));
    }

    private string Greeting(MailRecipient to) =>
        string.IsNullOrWhiteSpace(to.Name) || to.Name.Contains('@', StringComparison.Ordinal) ? l["Greeting.NoName"] : l["Greeting", to.Name];

    private List<string> NonCriticalFooter() =>
        [l["Footer.Preferences", links.To("/account/mail")], l["Footer.NoReply"]];

    private string Day(DateOnly day) => day.ToString(l["Format.Day"], CultureInfo.CurrentCulture);

    private string Moment(DateTime utc) =>
        Core.Common.Brasilia.Day(utc).ToString(l["Format.Day"], CultureInfo.CurrentCulture) + " " +
        TimeOnly.FromDateTime(utc + Core.Common.PartialDate.BrasiliaOffset).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Composes under the recipient's culture (resource lookup and date names), then restores the caller's.</summary>
    private static MailContent In(string culture, Func<MailContent> compose)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var target = CultureInfo.GetCultureInfo(MailCultures.Resolve(culture));
        CultureInfo.CurrentCulture = target;
        CultureInfo.CurrentUICulture = target;
        try
        {
            return compose();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
