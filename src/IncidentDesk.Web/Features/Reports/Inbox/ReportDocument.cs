using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Reports;

namespace IncidentDesk.Web.Features.Reports.Inbox;

/// <summary>
/// The report as a plain-text document, kept as the incident's evidence: every field the reporter sent, labelled in
/// Portuguese (the record's language), in UTF-8. Its SHA-256 proves later that the text handed on is the text received.
/// </summary>
public static class ReportDocument
{
    public static byte[] Render(SecurityReport report, string? coopName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        Line(text, "Relato externo", report.Reference);
        Line(text, "Recebido em (UTC)", report.ReceivedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Line(text, "Sistema, URL ou host", report.Target);
        Line(text, "Cooperativa indicada", coopName);
        Line(text, "Encontrado em", report.FoundOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Line(text, "Dados pessoais acessados", report.DataAccessed switch
        {
            DataAccessAnswer.Yes => "sim",
            DataAccessAnswer.No => "não",
            _ => "não sabe",
        });
        Line(text, "Divulgação planejada", report.PlannedDisclosureOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Line(text, "Compartilhamento", report.Sharing switch
        {
            SharingPreference.ReportAndIdentity => "relato e identidade",
            SharingPreference.ReportOnly => "relato sem identidade",
            _ => "somente a federação",
        });
        Line(text, "Nome", report.ReporterName);
        Line(text, "Organização", report.ReporterOrganisation);
        Line(text, "E-mail", report.ReporterEmail);
        Line(text, "Aceita contato", report.ConsentToContact ? "sim" : "não");
        Line(text, "Deseja crédito", report.WantsCredit ? "sim" : "não");
        Block(text, "O que foi encontrado", report.Finding);
        Block(text, "Como e quando foi encontrado", report.HowFound);
        Block(text, "Prova de conceito", report.ProofOfConcept);
        Block(text, "Quem mais sabe", report.OthersInformed);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Sha256(byte[] document) => Convert.ToHexStringLower(SHA256.HashData(document));

    /// <summary>The report's receipt as a Brasília wall-clock time, to the second (what the incident form takes).</summary>
    public static DateTime ReceivedLocal(SecurityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var local = report.ReceivedAtUtc + PartialDate.BrasiliaOffset;
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, DateTimeKind.Unspecified);
    }

    private static void Line(StringBuilder text, string label, string? value) =>
        text.Append(label).Append(": ").Append(value ?? "—").Append('\n');

    private static void Block(StringBuilder text, string label, string? value) =>
        text.Append('\n').Append(label).Append(":\n").Append(value ?? "—").Append('\n');
}
