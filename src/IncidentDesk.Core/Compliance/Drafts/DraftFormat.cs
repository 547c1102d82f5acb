using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>How the drafts word numbers, dates, categories and figures in pt-BR (Brasília time).</summary>
public static class DraftFormat
{
    public static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static string Number(decimal value) => value.ToString("#,##0.##", PtBr);

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", PtBr);

    public static string Moment(DateTime utc) => (utc + PartialDate.BrasiliaOffset).ToString("dd/MM/yyyy 'às' HH:mm", PtBr) + " (horário de Brasília)";

    /// <summary>A date only as precise as the sources: "março de 2026", "07/04/2026" or an exact moment.</summary>
    public static string Partial(DateTime utc, TimePrecision precision) => precision switch
    {
        TimePrecision.Month => (utc + PartialDate.BrasiliaOffset).ToString("MMMM 'de' yyyy", PtBr),
        TimePrecision.Day => Day(Brasilia.Day(utc)),
        _ => Moment(utc),
    };

    /// <summary>
    /// A key figure worded by its provenance: confirmed figures plainly; estimates labelled "estimativa"; claimed figures
    /// attributed to whoever claims them; disputed figures only as a contested claim, never as a fact.
    /// </summary>
    public static string Figure(DraftFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var amount = $"{Number(figure.Value)} {figure.Unit}";
        var asOf = Day(figure.AsOf);
        return figure.Status switch
        {
            FigureStatus.Confirmed => $"{figure.Label}: {amount} (confirmado; fonte: {figure.Source}, em {asOf})",
            FigureStatus.Estimated => $"{figure.Label}: estimativa de {amount}, segundo {figure.Source} (em {asOf}); valor não confirmado",
            FigureStatus.Claimed => $"{figure.Label}: segundo {figure.Source}, {amount} (alegação em {asOf}, ainda não confirmada)",
            _ => $"{figure.Label}: número contestado — {figure.Source} afirma {amount} (em {asOf}); as fontes divergem e o valor não é dado como fato",
        };
    }

    public static string Categories(DataCategories categories)
    {
        if (categories == DataCategories.None)
        {
            return DraftTexts.Pending;
        }

        List<string> names = [];
        if (categories.HasFlag(DataCategories.Identification)) { names.Add("dados de identificação"); }
        if (categories.HasFlag(DataCategories.Contact)) { names.Add("dados de contato"); }
        // Health data is sensitive personal data (LGPD art. 5 II).
        if (categories.HasFlag(DataCategories.Health)) { names.Add("dados referentes à saúde (dado pessoal sensível, LGPD art. 5º, II)"); }
        if (categories.HasFlag(DataCategories.ChatContent)) { names.Add("conteúdo de conversas"); }
        if (categories.HasFlag(DataCategories.Authentication)) { names.Add("dados de autenticação"); }
        if (categories.HasFlag(DataCategories.Financial)) { names.Add("dados financeiros"); }
        if (categories.HasFlag(DataCategories.ChildrensData)) { names.Add("dados de crianças e adolescentes"); }
        return string.Join("; ", names);
    }

    /// <summary>The same categories in plain words for the data subjects (R15 art. 9 asks for easy language).</summary>
    public static string PlainCategories(DataCategories categories)
    {
        List<string> names = [];
        if (categories.HasFlag(DataCategories.Identification)) { names.Add("seu nome e dados de identificação"); }
        if (categories.HasFlag(DataCategories.Contact)) { names.Add("seus dados de contato (telefone, e-mail)"); }
        if (categories.HasFlag(DataCategories.Health)) { names.Add("informações sobre sua saúde"); }
        if (categories.HasFlag(DataCategories.ChatContent)) { names.Add("o conteúdo das suas conversas pelo chat"); }
        if (categories.HasFlag(DataCategories.Authentication)) { names.Add("dados de acesso (login)"); }
        if (categories.HasFlag(DataCategories.Financial)) { names.Add("dados financeiros"); }
        if (categories.HasFlag(DataCategories.ChildrensData)) { names.Add("dados de crianças e adolescentes"); }
        return names.Count == 0 ? DraftTexts.Pending : string.Join(", ", names);
    }

    public static string Subjects(DataSubjectCategories categories)
    {
        if (categories == DataSubjectCategories.None)
        {
            return DraftTexts.Pending;
        }

        List<string> names = [];
        if (categories.HasFlag(DataSubjectCategories.Beneficiaries)) { names.Add("beneficiários"); }
        if (categories.HasFlag(DataSubjectCategories.Physicians)) { names.Add("médicos cooperados"); }
        if (categories.HasFlag(DataSubjectCategories.Employees)) { names.Add("colaboradores"); }
        return string.Join("; ", names);
    }

    public static string Impact(CiaImpact value)
    {
        if (value == CiaImpact.None)
        {
            return DraftTexts.Pending;
        }

        List<string> names = [];
        if (value.HasFlag(CiaImpact.Confidentiality)) { names.Add("confidencialidade"); }
        if (value.HasFlag(CiaImpact.Integrity)) { names.Add("integridade"); }
        if (value.HasFlag(CiaImpact.Availability)) { names.Add("disponibilidade"); }
        if (value.HasFlag(CiaImpact.Authenticity)) { names.Add("autenticidade"); }
        return string.Join("; ", names);
    }

    /// <summary>The incident type in the words of the authority's form (R15 art. 6 §2 XI).</summary>
    public static string Type(IncidentType type) => type switch
    {
        IncidentType.MisconfigurationExposure => "configuração incorreta — serviço desprotegido exposto à internet",
        IncidentType.UnauthorizedAccess => "acesso não autorizado",
        IncidentType.Ransomware => "sequestro de dados (ransomware)",
        IncidentType.Malware => "código malicioso (malware)",
        IncidentType.BruteForceOrCredentialTheft => "força bruta ou roubo de credenciais",
        IncidentType.PhishingOrSocialEngineering => "phishing ou engenharia social",
        IncidentType.LossOrTheftOfDevice => "perda ou furto de dispositivo ou documento",
        IncidentType.ImproperDisclosure => "divulgação ou envio indevido",
        IncidentType.Other => "outro",
        _ => DraftTexts.Pending,
    };

    /// <summary>"Comunicação à ANPD em 22/04/2026 10:30 (horário de Brasília), protocolo 00261.000123/2026-11".</summary>
    public static string Filing(DraftFiling filing) =>
        $"{FilingName(filing.Kind)} em {Moment(filing.FiledAtUtc)}, protocolo {Inline(filing.Protocol)}";

    public static string FilingName(FilingKind kind) => kind switch
    {
        FilingKind.AnpdCommunication => "Comunicação à ANPD",
        FilingKind.AnpdComplementary => "Informações complementares à ANPD",
        FilingKind.SubjectNotice => "Comunicação aos titulares",
        FilingKind.ChannelsDeclaration => "Declaração à ANPD dos canais usados para comunicar os titulares",
        _ => kind.ToString(),
    };

    public static string Source(ReportSource source) => source switch
    {
        ReportSource.SecurityResearcher => "notificação de pesquisadores de segurança",
        ReportSource.Press => "reportagem da imprensa",
        ReportSource.InternalDetection => "detecção interna",
        ReportSource.OperatorNotice => "aviso do operador",
        ReportSource.DataSubjectComplaint => "reclamação de titular",
        ReportSource.RegulatorInquiry => "questionamento da autoridade",
        _ => "outra origem",
    };

    public static string TaskStatus(CoopTaskStatus status) => status switch
    {
        CoopTaskStatus.Open => "aberta",
        CoopTaskStatus.InProgress => "em andamento",
        CoopTaskStatus.Blocked => "bloqueada",
        CoopTaskStatus.Done => "concluída",
        CoopTaskStatus.Cancelled => "retirada",
        _ => "não se aplica",
    };

    public static string Kind(DraftKind kind) => kind switch
    {
        DraftKind.AnpdPreliminary => DraftTexts.KindPreliminary,
        DraftKind.AnpdComplementary => DraftTexts.KindComplementary,
        _ => DraftTexts.KindComplete,
    };

    public static string Cnpj(string cnpj) => Coops.Cnpj.IsValid(cnpj) ? Coops.Cnpj.Format(cnpj) : DraftTexts.Pending;

    /// <summary>
    /// Someone's text on one line, as literal Markdown: markup characters are backslash-escaped, so a title such as
    /// <c>&lt;img src=x onerror=…&gt;</c> or <c>[x](javascript:…)</c> reads as typed in any Markdown viewer, never as HTML or a link;
    /// characters no document may hold are dropped.
    /// </summary>
    public static string Inline(string? text) => EscapeMarkup(OneLine(text));

    /// <summary>Text on one line (a line break inside a list item or a field would end it in Markdown), markup left as it is.</summary>
    public static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : string.Join(' ',
            XmlText.Clean(text).Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string EscapeMarkup(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '<' or '>' or '&' or '[' or ']' or '`')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    public static string OrPending(string? text) => string.IsNullOrWhiteSpace(text) ? DraftTexts.Pending : Inline(text);
}
