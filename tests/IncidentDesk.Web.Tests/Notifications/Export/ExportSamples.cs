using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;

namespace IncidentDesk.Web.Tests.Notifications.Export;

/// <summary>(Same facts as Core.Tests DraftSamples.) Facts shaped like the reference incident (exposed Kafka, chatbot conversations), sparse and complete.</summary>
internal static class ExportSamples
{
    public static readonly DateTime Knowledge = Brt(2026, 4, 6, 17);

    public static DateTime Brt(int year, int month, int day, int hour = 0) =>
        new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(3);

    public static DraftFigure Figure(string label, decimal value, string unit, FigureStatus status, string source = "Relatório dos pesquisadores") =>
        new(label, value, unit, status, source, new DateOnly(2026, 4, 7), null);

    /// <summary>What the reference incident holds today: claimed, estimated and disputed figures, no measures, no subject count.</summary>
    public static DraftFacts Reference(bool late = false) => new()
    {
        Reference = "INC-2026-0001",
        Title = "Instância Apache Kafka exposta sem autenticação — conversas do chatbot “Sara”",
        Summary = "Pesquisadores encontraram uma instância Apache Kafka acessível pela internet, sem autenticação.",
        Controller = new DraftController("SP-004", "Cooperativa Médica de Campinas", "11222333000181", "SP",
            "Ana Souza", "dpo@coop.example", "+55 19 3000-0000", SmallProcessingAgent: false),
        Notifier = "Olga Officer",
        Source = ReportSource.SecurityResearcher,
        ReporterName = "Equipe de pesquisa independente",
        DiscoveredAtUtc = Brt(2026, 3, 1),
        DiscoveredAtPrecision = TimePrecision.Month,
        KnowledgeAtUtc = Knowledge,
        AffectedSystems = "Cluster Apache Kafka da integração de chat",
        DataCategories = DataCategories.Identification | DataCategories.Contact | DataCategories.Health | DataCategories.ChatContent,
        SubjectCategories = DataSubjectCategories.Beneficiaries | DataSubjectCategories.Physicians,
        Figures =
        [
            Figure("Mensagens interceptadas", 140_000m, "mensagens", FigureStatus.Claimed),
            Figure("Mensagens possivelmente expostas", 14_000_000m, "mensagens", FigureStatus.Estimated),
            Figure("Histórico de mensagens retido no ambiente", 987_654m, "mensagens", FigureStatus.Disputed, "Comunicado do sistema cooperativo"),
            Figure("Cooperativas que usam a ferramenta", 3m, "cooperativas", FigureStatus.Confirmed, "Comunicado do sistema cooperativo"),
        ],
        Timeline =
        [
            new(Brt(2026, 3, 1), TimePrecision.Month, "Pesquisadores encontram instância Kafka exposta", null, "Pesquisadores", TimelineEventKind.Fact),
            new(Knowledge, TimePrecision.Exact, "Federação recebe a notificação dos pesquisadores", null, "E-mail", TimelineEventKind.Fact),
        ],
        Deadlines = LgpdDeadlines.For(Knowledge, smallAgent: false, BusinessCalendar.Default),
        FilingLate = late,
        GeneratedAtUtc = Brt(2026, 4, 8, 10),
    };

    /// <summary>The same incident once the officer has filled every item.</summary>
    public static DraftFacts Complete(bool late = false) => Reference(late) with
    {
        IncidentType = IncidentType.MisconfigurationExposure,
        Impact = CiaImpact.Confidentiality,
        MeasuresBefore = "Criptografia em trânsito nos aplicativos; controle de acesso aos sistemas internos.",
        DelayReasons = late ? "A ciência chegou por e-mail a uma caixa compartilhada durante o feriado." : null,
        Operators = ["Plataforma de chat da federação"],
        Figures =
        [
            .. Reference().Figures,
            Figure("Titulares afetados", 52_000m, "titulares", FigureStatus.Estimated, "Cooperativa"),
            Figure("Total de titulares do chat", 410_000m, "titulares", FigureStatus.Confirmed, "Cooperativa"),
        ],
        Timeline =
        [
            .. Reference().Timeline,
            new(Brt(2026, 4, 7, 9), TimePrecision.Exact, "Listener público do Kafka fechado e credenciais trocadas", null, "Equipe de TI",
                TimelineEventKind.Action),
        ],
        Tasks =
        [
            new("Campanha Kafka", "Preservar logs do período exposto", CoopTaskStatus.Done, "Sim", "Logs exportados", Brt(2026, 4, 8, 9),
                [new("Logs do broker", "broker.log", new string('a', 64), null)]),
        ],
    };
}
