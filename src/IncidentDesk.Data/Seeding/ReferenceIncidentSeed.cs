using IncidentDesk.Core.Common;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;

namespace IncidentDesk.Data.Seeding;

/// <summary>
/// The reference case from shared/domain/reference-incident.md as demo data: an unauthenticated Kafka
/// instance carrying chatbot traffic. Figures keep their provenance because the sources contradict each other.
/// </summary>
public static class ReferenceIncidentSeed
{
    public const string Reference = "INC-2026-0001";

    /// <summary>The three co-ops that used the affected app/chat tool (synthetic choice from the demo directory).</summary>
    public static readonly IReadOnlyList<string> AffectedCoopCodes = ["SP-004", "MG-002", "GO-001"];

    private const string Researchers = "Relatório dos pesquisadores de segurança";
    private const string Statement = "Comunicado do sistema cooperativo";
    private const string Press = "Imprensa";
    private const string SeedAuthor = "IncidentDesk (dados de demonstração)";

    // Brasília is UTC−3 all year (no daylight saving since 2019).
    private static DateTime Brt(int month, int day, int hour = 0, int minute = 0) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(3);

    public static Incident Build(IReadOnlyList<Coop> affectedCoops, DateTime recordedAtUtc)
    {
        var knowledge = Brt(4, 6, 17, 0);
        var incident = new Incident
        {
            Reference = Reference,
            Title = "Instância Apache Kafka exposta sem autenticação — conversas do chatbot “Sara”",
            Summary = "Pesquisadores de segurança encontraram uma instância Apache Kafka acessível pela internet, "
                + "sem autenticação, que transportava o tráfego do recurso de chat do aplicativo: conversas de "
                + "beneficiários com o chatbot “Sara” e, segundo os pesquisadores, com médicos. O sistema "
                + "cooperativo afirma que a ferramenta é usada por três cooperativas, apenas para contato "
                + "administrativo, que o ambiente não guarda histórico e que não há evidência, até o momento, de vazamento.",
            Status = IncidentStatus.Investigating,
            Severity = IncidentSeverity.High,
            Source = ReportSource.SecurityResearcher,
            ReporterName = "Equipe de pesquisa independente",
            ReporterOrganisation = "Pesquisadores de segurança (relatório público)",
            ReporterContact = "pesquisa@pesquisadores.example",
            ReportedAtUtc = knowledge,
            DiscoveredAtUtc = Brt(3, 1),
            DiscoveredAtPrecision = TimePrecision.Month,
            KnowledgeAtUtc = knowledge,
            AffectedSystems = "Cluster Apache Kafka da integração de chat (aplicativo móvel + chatbot “Sara”)",
            DataCategories = DataCategories.Identification | DataCategories.Contact
                | DataCategories.Health | DataCategories.ChatContent,
            DataSubjectCategories = DataSubjectCategories.Beneficiaries | DataSubjectCategories.Physicians,
            // Classified from the researchers' report; the measures in place before it are for each co-op to state.
            Type = IncidentType.MisconfigurationExposure,
            Impact = CiaImpact.Confidentiality,
            CreatedAtUtc = recordedAtUtc,
            UpdatedAtUtc = recordedAtUtc,
        };

        incident.KeyFigures.AddRange(KeyFigures());
        incident.Timeline.AddRange(Timeline(recordedAtUtc));
        foreach (var coop in affectedCoops)
        {
            incident.Involvements.Add(new CoopInvolvement
            {
                CoopId = coop.Id,
                Role = InvolvementRole.ControllerAffected,
                KnowledgeAtUtc = knowledge,
                Notes = "Usa o aplicativo e a integração de chat afetados (comunicado do sistema cooperativo).",
            });
        }

        return incident;
    }

    private static IEnumerable<KeyFigure> KeyFigures() =>
    [
        new() { SortOrder = 1, Label = "Mensagens interceptadas", Value = 140_000m, Unit = "mensagens",
            Status = FigureStatus.Claimed, Source = Researchers, AsOf = new DateOnly(2026, 4, 7),
            Note = "Mais de 140 mil mensagens interceptadas durante a pesquisa." },
        new() { SortOrder = 2, Label = "Mensagens possivelmente expostas", Value = 14_000_000m, Unit = "mensagens",
            Status = FigureStatus.Estimated, Source = Researchers, AsOf = new DateOnly(2026, 4, 7),
            Note = "Estimativa mínima dos pesquisadores do volume que pode ter trafegado pelo mesmo canal inseguro." },
        new() { SortOrder = 3, Label = "Histórico de mensagens retido no ambiente", Value = 0m, Unit = "mensagens",
            Status = FigureStatus.Disputed, Source = Statement, AsOf = new DateOnly(2026, 4, 22),
            Note = "O sistema cooperativo afirma que o ambiente não é repositório de dados, não guarda histórico "
                + "e não suportaria o volume alegado; contradiz os números dos pesquisadores." },
        new() { SortOrder = 4, Label = "Cooperativas que usam a ferramenta", Value = 3m, Unit = "cooperativas",
            Status = FigureStatus.Confirmed, Source = Statement, AsOf = new DateOnly(2026, 4, 22) },
        new() { SortOrder = 5, Label = "Beneficiários da federação", Value = 19_700_000m, Unit = "pessoas",
            Status = FigureStatus.Estimated, Source = "Dados institucionais da federação", AsOf = new DateOnly(2026, 4, 1),
            Note = "Relatos posteriores citam 20,9 milhões." },
        new() { SortOrder = 6, Label = "Médicos cooperados", Value = 116_000m, Unit = "pessoas",
            Status = FigureStatus.Estimated, Source = "Dados institucionais da federação", AsOf = new DateOnly(2026, 4, 1),
            Note = "Relatos posteriores citam 118 mil." },
    ];

    private static IEnumerable<TimelineEvent> Timeline(DateTime recordedAtUtc)
    {
        TimelineEvent Fact(DateTime at, TimePrecision precision, string title, string source, string? description = null) =>
            new()
            {
                OccurredAtUtc = at, Precision = precision, Title = title, Source = source, Description = description,
                Kind = TimelineEventKind.Fact, SharedWithCoops = true, RecordedAtUtc = recordedAtUtc,
                RecordedBy = SeedAuthor,
            };

        return
        [
            Fact(Brt(3, 1), TimePrecision.Month, "Sistema cooperativo diz ter identificado e corrigido o problema", Statement,
                "Segundo o comunicado, o problema foi identificado e resolvido prontamente em março."),
            Fact(Brt(3, 1), TimePrecision.Month, "Pesquisadores encontram instância Kafka exposta sem autenticação", Researchers,
                "A instância transportava o tráfego do recurso de chat: conversas com o chatbot “Sara”."),
            Fact(Brt(3, 1), TimePrecision.Month, "Pesquisadores interceptam mais de 140 mil mensagens", Researchers,
                "Estimam que ao menos 14 milhões de mensagens possam ter trafegado pelo mesmo canal inseguro."),
            Fact(Brt(4, 6, 17, 0), TimePrecision.Exact, "Federação recebe a notificação dos pesquisadores",
                "E-mail dos pesquisadores à federação",
                "Ciência de que dados pessoais foram afetados: início do prazo das cooperativas controladoras."),
            Fact(Brt(4, 7), TimePrecision.Day, "Instância exposta é fechada", $"{Researchers}; {Press}"),
            Fact(Brt(4, 22), TimePrecision.Day, "Imprensa publica reportagem sobre a exposição", Press),
            Fact(Brt(4, 22), TimePrecision.Day, "Sistema cooperativo publica comunicado", Statement,
                "Ferramenta usada por três cooperativas, só para contato administrativo; sem assistência clínica; "
                + "ambiente sem histórico; \"nenhuma evidência, até o momento\" de vazamento."),
            Fact(Brt(4, 24), TimePrecision.Day, "Imprensa pede mais informações aos pesquisadores", Press),
        ];
    }
}
