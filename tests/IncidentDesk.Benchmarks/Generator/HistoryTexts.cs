using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Benchmarks.Generator;

/// <summary>
/// The pt-BR words of the generated history: a small set of templates, so screens and searches over the history look
/// like the desk's real records (accents included, since collation and search must cope with them).
/// </summary>
internal static class HistoryTexts
{
    public static readonly string[] Systems =
    [
        "fila de mensagens do aplicativo", "portal do beneficiário", "sistema de autorizações", "prontuário eletrônico",
        "central de atendimento", "servidor de arquivos da regional", "ERP financeiro", "aplicativo de telemedicina",
        "banco de dados de faturamento", "e-mail corporativo",
    ];

    public static readonly (IncidentType Type, string Title, string Summary)[] Kinds =
    [
        (IncidentType.MisconfigurationExposure, "Exposição pública do {0}",
            "Pesquisador informou que o {0} estava acessível pela internet sem autenticação. Dados de beneficiários podem ter sido lidos."),
        (IncidentType.UnauthorizedAccess, "Acesso indevido ao {0}",
            "Registros de acesso mostram consultas fora do padrão ao {0} a partir de credenciais de um prestador."),
        (IncidentType.Ransomware, "Ransomware no {0}",
            "Arquivos do {0} foram cifrados; o atacante ameaça divulgar dados de saúde. Backups em verificação."),
        (IncidentType.Malware, "Código malicioso no {0}",
            "O antivírus detectou um implante no {0}; investigação sobre possível extração de dados."),
        (IncidentType.BruteForceOrCredentialTheft, "Credenciais vazadas do {0}",
            "Senhas de usuários do {0} apareceram em lista pública; houve tentativas de acesso em massa."),
        (IncidentType.PhishingOrSocialEngineering, "Phishing contra usuários do {0}",
            "Colaboradores receberam mensagens falsas pedindo a senha do {0}; algumas contas foram comprometidas."),
        (IncidentType.LossOrTheftOfDevice, "Notebook furtado com cópia do {0}",
            "Um notebook sem criptografia com extração do {0} foi furtado de um veículo."),
        (IncidentType.ImproperDisclosure, "Envio indevido de relatório do {0}",
            "Relatório do {0} com dados de saúde foi enviado por engano a destinatários externos."),
    ];

    public static readonly string[] Reporters = ["Pesquisadora independente", "Equipe de segurança", "Jornalista", "Operadora parceira", "Beneficiário"];

    public static readonly (string Label, string Unit)[] Figures =
    [
        ("Titulares afetados", "pessoas"), ("Registros expostos", "registros"), ("Mensagens expostas", "mensagens"),
        ("Cooperativas afetadas", "cooperativas"), ("Arquivos cifrados", "arquivos"),
    ];

    public static readonly string[] FigureSources = ["Pesquisador", "Sistema da cooperativa", "Fornecedor", "Perícia contratada", "Imprensa"];

    public static readonly string[] Facts =
    [
        "Fornecedor confirmou o bloqueio do acesso externo", "Nova amostra de dados publicada em fórum", "Perícia entregou relatório parcial",
        "Logs de acesso recuperados do período", "Imprensa publicou reportagem sobre o caso", "Serviço restabelecido após correção",
        "Titular registrou reclamação na ouvidoria", "Backup íntegro localizado", "Credenciais do prestador revogadas",
    ];

    public static readonly string[] Actions =
    [
        "Reunião com o fornecedor do sistema", "Ligação com o encarregado da cooperativa", "Envio de orientação às singulares",
        "Análise jurídica sobre a comunicação", "Revisão das regras de firewall", "Troca de senhas dos administradores",
        "Alinhamento com a assessoria de imprensa", "Solicitação de logs ao provedor de nuvem",
    ];

    public static readonly string[] TaskTitles =
    [
        "Confirmar se a cooperativa usa o sistema afetado", "Revogar credenciais de integração", "Levantar titulares afetados",
        "Preservar logs de acesso", "Avaliar necessidade de comunicação aos titulares", "Informar o encarregado sobre o incidente",
        "Aplicar a correção do fornecedor", "Revisar contratos com operadores", "Registrar o incidente no inventário local",
        "Enviar evidência da correção", "Confirmar a troca de senhas", "Verificar backups", "Orientar a central de atendimento",
        "Atualizar o relatório de impacto", "Checar acessos de prestadores", "Desativar contas sem uso", "Revisar permissões de pastas",
        "Comunicar a diretoria", "Validar a lista de titulares", "Encerrar o plano de ação local",
    ];

    public static string StatusWord(IncidentStatus status) => status switch
    {
        IncidentStatus.Reported => "Reportado",
        IncidentStatus.Triage => "Triagem",
        IncidentStatus.Investigating => "Em investigação",
        IncidentStatus.Contained => "Contido",
        IncidentStatus.Notifying => "Em comunicação",
        IncidentStatus.Closed => "Encerrado",
        _ => "Descartado",
    };

    public static string TaskWord(CoopTaskStatus status) => status switch
    {
        CoopTaskStatus.Open => "Aberta",
        CoopTaskStatus.InProgress => "Em andamento",
        CoopTaskStatus.Blocked => "Bloqueada",
        CoopTaskStatus.Done => "Concluída",
        _ => "Não se aplica",
    };

    public static string RoleWord(InvolvementRole role) => role switch
    {
        InvolvementRole.ControllerAffected => "controladora afetada",
        InvolvementRole.Operator => "operadora",
        InvolvementRole.NotAffected => "não afetada",
        _ => "em avaliação",
    };

    /// <summary>A valid stored answer of that type (what <see cref="TaskStatusRules.Normalise"/> would have kept).</summary>
    public static string? Answer(TaskAnswerType type, int n) => type switch
    {
        TaskAnswerType.YesNo => n % 3 == 0 ? "não" : "sim",
        TaskAnswerType.Number => (n % 5000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        TaskAnswerType.Text => "Verificado pela equipe local.",
        _ => null,
    };
}
