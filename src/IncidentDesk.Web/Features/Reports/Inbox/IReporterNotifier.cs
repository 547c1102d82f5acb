namespace IncidentDesk.Web.Features.Reports.Inbox;

/// <summary>
/// A reporter who gave an e-mail and agreed to be contacted is told that their status page has news — only that, never
/// the message itself (mail is not the channel for a vulnerability's details). The one place the desk's e-mail outbox
/// plugs in (Features/Mail/ReporterUpdateMail.cs).
/// </summary>
public interface IReporterNotifier
{
    Task UpdateAvailableAsync(ReporterNotice notice, CancellationToken cancellationToken = default);
}

/// <param name="Email">The reporter's address, as they typed it.</param>
/// <param name="Reference">RPT-yyyy-nnnn, the only detail the mail may carry.</param>
public sealed record ReporterNotice(string Email, string Reference);
