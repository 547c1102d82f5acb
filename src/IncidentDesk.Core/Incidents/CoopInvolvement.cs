using IncidentDesk.Core.Coops;

namespace IncidentDesk.Core.Incidents;

/// <summary>One co-op's part in one incident. Its knowledge time starts that co-op's legal clock (LGPD art. 48).</summary>
public sealed class CoopInvolvement
{
    public const int DelayReasonsMax = 4000;

    public int Id { get; set; }
    public int IncidentId { get; set; }
    public Incident? Incident { get; set; }
    public int CoopId { get; set; }
    public Coop? Coop { get; set; }
    public InvolvementRole Role { get; set; }
    public DateTime KnowledgeAtUtc { get; set; }
    public string? Notes { get; set; }

    /// <summary>Why this controller's communication is or was late (R15 art. 6 §2 V; art. 9 IV); stated in its drafts.</summary>
    public string? DelayReasons { get; set; }
}
