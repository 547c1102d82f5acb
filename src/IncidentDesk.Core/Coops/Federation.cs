namespace IncidentDesk.Core.Coops;

/// <summary>A second-degree co-operative: the state federation that groups the local co-ops of one UF.</summary>
public sealed class Federation
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Uf { get; set; }
    public List<Coop> Coops { get; } = [];
}
