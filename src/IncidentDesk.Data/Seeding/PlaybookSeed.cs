using IncidentDesk.Core.Campaigns;

namespace IncidentDesk.Data.Seeding;

/// <summary>
/// The "exposed message broker" playbook, from the typical federation-wide tasks of the reference case
/// (shared/domain/reference-incident.md). Written in pt-BR: liaisons read these instructions as they are.
/// </summary>
public static class PlaybookSeed
{
    public const string ExposedBrokerName = "Broker de mensagens exposto";

    public static Playbook ExposedMessageBroker(DateTime nowUtc)
    {
        var playbook = new Playbook
        {
            Name = ExposedBrokerName,
            Description = "Para incidentes em que um broker ou endpoint de streaming (Kafka, RabbitMQ, MQTT…) ficou "
                + "acessível pela internet sem autenticação: cada cooperativa confirma se foi afetada, fecha a exposição, "
                + "preserva as provas e prepara as comunicações exigidas pela LGPD.",
            UpdatedAtUtc = nowUtc,
            UpdatedBy = "IncidentDesk",
        };
        var order = 0;
        void Step(string title, string instructions, int days, TaskAnswerType answer, bool evidence) =>
            playbook.Steps.Add(new PlaybookStep
            {
                Order = ++order, Title = title, Instructions = instructions, DueInBusinessDays = days,
                AnswerType = answer, EvidenceRequired = evidence,
            });

        Step("Confirmar o uso do aplicativo/integração de chat afetado",
            "Responda se a cooperativa usa o aplicativo ou a integração de chat envolvida no incidente. Anexe a evidência "
            + "(inventário de sistemas, contrato ou declaração do fornecedor).", 1, TaskAnswerType.YesNo, evidence: true);
        Step("Inventariar brokers de mensagens e endpoints de streaming expostos",
            "Liste os brokers (Kafka, RabbitMQ, MQTT…) e endpoints de streaming acessíveis pela internet, com endereço, "
            + "responsável e se exigem autenticação.", 2, TaskAnswerType.Text, evidence: false);
        Step("Exigir autenticação e TLS em todos os brokers",
            "Feche listeners públicos, exija autenticação e TLS em todos os brokers e troque as credenciais. Anexe o "
            + "registro da mudança.", 3, TaskAnswerType.StatusOnly, evidence: true);
        Step("Preservar os logs do período exposto",
            "Preserve os logs do broker, do firewall e de acesso do período exposto para o relatório do incidente; "
            + "registre onde ficaram guardados e o hash dos arquivos.", 1, TaskAnswerType.Text, evidence: true);
        Step("Estimar titulares e categorias de dados afetados",
            "Informe o número estimado de titulares afetados na cooperativa e descreva as categorias de dados "
            + "(identificação, contato, saúde, conteúdo de conversas…).", 3, TaskAnswerType.Number, evidence: false);
        Step("Confirmar o contato do encarregado e o representante legal",
            "Confirme nome, e-mail e telefone do encarregado (DPO) e quem representa a cooperativa na comunicação à ANPD.",
            1, TaskAnswerType.Text, evidence: false);
        Step("Aprovar e enviar o aviso aos titulares",
            "Aprove o aviso aos titulares e registre os canais usados (e-mail, SMS, aplicativo, carta, aviso público).",
            3, TaskAnswerType.Text, evidence: true);
        Step("Protocolar a comunicação à ANPD",
            "Protocole a comunicação de incidente à ANPD (ou registre por que o incidente não é relevante) e informe o "
            + "número do protocolo.", 3, TaskAnswerType.Text, evidence: true);
        return playbook;
    }
}
