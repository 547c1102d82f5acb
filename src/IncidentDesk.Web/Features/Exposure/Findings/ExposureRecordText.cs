using System.Globalization;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Web.Features.Exposure.Findings;

/// <summary>
/// What exposure watch writes into the incident record: the standing incident, its campaign, each co-op's task and the
/// timeline. Like the rest of the record it is kept in the federation's language (pt-BR), as text, not keys.
/// </summary>
internal static class ExposureRecordText
{
    public const string IncidentTitle = "Vigilância de exposição: brokers de mensagens abertos na internet";

    public const string IncidentSummary =
        "Registro permanente da vigilância de exposição da federação. As cooperativas declaram os brokers de mensagens que "
        + "expõem à internet e autorizam a federação a verificá-los; a mesa conecta-se a cada endereço declarado, pede os "
        + "metadados sem credenciais (nunca produz nem lê mensagens) e, quando o broker responde listando tópicos — a falha do "
        + "caso de referência —, abre uma tarefa para a cooperativa fechar o acesso. Cada achado é uma tarefa da campanha "
        + "abaixo; o registro é encerrado pelos encarregados quando não houver mais achados abertos.";

    public const string AffectedSystems = "Brokers Apache Kafka declarados pelas cooperativas como expostos à internet";

    public const string CampaignTitle = "Vigilância de exposição: fechar brokers expostos";

    public const string Actor = "Vigilância de exposição";

    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static string TaskTitle(string address) => Limit($"Fechar o broker exposto {address}", 300);

    public static string TaskInstructions(string address, DateTime checkedAtUtc, int topicCount) =>
        $"Em {When(checkedAtUtc)} (horário de Brasília) a vigilância de exposição da federação conectou-se a {address} sem "
        + $"credenciais e o broker Kafka respondeu listando {Topics(topicCount)}: qualquer pessoa na internet pode fazer o mesmo "
        + "e ler as mensagens. Feche o acesso sem autenticação (exija SASL ou TLS mútuo com ACLs, ou retire o broker da "
        + "internet) e responda esta tarefa. Ela só pode ser concluída depois que uma nova verificação encontrar o broker "
        + "fechado; peça uma nova verificação aos encarregados da federação quando tiver corrigido.";

    public static string FindingEvent(string coopCode, string address, int topicCount) =>
        Limit($"{coopCode} · broker exposto {address} ({Topics(topicCount)}): tarefa aberta", 300);

    public static string StillExposedEvent(string coopCode, string address, int topicCount) =>
        Limit($"{coopCode} · {address} continua exposto ({Topics(topicCount)})", 300);

    public static string ClosedEvent(string coopCode, string address, ExposureOutcome outcome) =>
        Limit($"{coopCode} · {address} verificado fechado: {Outcome(outcome)}", 300);

    public static string Outcome(ExposureOutcome outcome) => outcome switch
    {
        ExposureOutcome.Exposed => "exposto",
        ExposureOutcome.AuthRequired => "exige autenticação",
        ExposureOutcome.Unreachable => "inacessível",
        ExposureOutcome.NotKafka => "não responde como Kafka",
        ExposureOutcome.TargetRefused => "endereço privado, não verificado",
        _ => outcome.ToString(),
    };

    public static string When(DateTime utc) => (utc + PartialDate.BrasiliaOffset).ToString("dd/MM/yyyy HH:mm", PtBr);

    private static string Topics(int count) => count == 1 ? "1 tópico" : string.Create(PtBr, $"{count:N0} tópicos");

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
