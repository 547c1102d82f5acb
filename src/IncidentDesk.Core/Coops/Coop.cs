namespace IncidentDesk.Core.Coops;

/// <summary>
/// A local (first-degree) co-operative. Each one is its own data controller under the LGPD,
/// with its own CNPJ and its own encarregado (DPO), so every legal clock runs per co-op.
/// </summary>
public sealed class Coop
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>14 digits, no punctuation; see <see cref="Cnpj"/> for validation and formatting.</summary>
    public required string Cnpj { get; set; }

    public required string Uf { get; set; }
    public required string City { get; set; }
    public int FederationId { get; set; }
    public Federation? Federation { get; set; }

    public required string EncarregadoName { get; set; }
    public required string EncarregadoEmail { get; set; }
    public required string EncarregadoPhone { get; set; }

    /// <summary>Small processing agents (ATPP, R2) get doubled deadlines (R15 art. 6 §8, art. 9 §6).</summary>
    public bool IsSmallProcessingAgent { get; set; }

    public bool IsActive { get; set; } = true;
}
