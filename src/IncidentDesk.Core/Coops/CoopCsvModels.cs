namespace IncidentDesk.Core.Coops;

/// <summary>The directory file's columns, as the export writes them and the import reads them (any order, any case).</summary>
public static class CoopCsvColumns
{
    public const string Code = "code";
    public const string Name = "name";
    public const string Cnpj = "cnpj";
    public const string Uf = "uf";
    public const string City = "city";
    public const string Federation = "federation";
    public const string EncarregadoName = "encarregado_name";
    public const string EncarregadoEmail = "encarregado_email";
    public const string EncarregadoPhone = "encarregado_phone";
    public const string SmallProcessingAgent = "small_processing_agent";
    public const string Active = "active";

    public static IReadOnlyList<string> All { get; } =
    [
        Code, Name, Cnpj, Uf, City, Federation, EncarregadoName, EncarregadoEmail, EncarregadoPhone, SmallProcessingAgent, Active,
    ];

    /// <summary>A file without these keeps each existing co-op's flags (new co-ops: not small, active).</summary>
    public static IReadOnlySet<string> Optional { get; } = new HashSet<string>(StringComparer.Ordinal) { SmallProcessingAgent, Active };
}

/// <summary>Column lengths of the co-op table (Data's CoopConfiguration; a test keeps the two equal).</summary>
public static class CoopLimits
{
    public const int Code = 16;
    public const int Name = 200;
    public const int City = 120;
    public const int EncarregadoName = 200;
    public const int EncarregadoEmail = 254;
    public const int EncarregadoPhone = 32;
}

/// <summary>Why a line of the file was refused; the UI words each code in pt-BR / en-US.</summary>
public static class CoopCsvReason
{
    public const string TooLarge = "TooLarge";
    public const string NotUtf8 = "NotUtf8";
    public const string Empty = "Empty";
    public const string UnterminatedQuote = "UnterminatedQuote";
    public const string MissingColumn = "MissingColumn";
    public const string DuplicateColumn = "DuplicateColumn";
    public const string UnknownColumn = "UnknownColumn";
    public const string FieldCount = "FieldCount";
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string ControlCharacter = "ControlCharacter";
    public const string InvalidCnpj = "InvalidCnpj";
    public const string InvalidUf = "InvalidUf";
    public const string InvalidEmail = "InvalidEmail";
    public const string UnknownFederation = "UnknownFederation";
    public const string FederationOtherUf = "FederationOtherUf";
    public const string InvalidYesNo = "InvalidYesNo";
    public const string DuplicateCode = "DuplicateCode";
    public const string DuplicateCnpj = "DuplicateCnpj";
    public const string CnpjInUse = "CnpjInUse";
}

/// <summary>One refused line: where (line 0 = the file as a whole), which column (null = the whole line), why.</summary>
public sealed record CoopCsvError(int Line, string? Column, string Reason);

/// <summary>One valid line, normalised: CNPJ as 14 digits, UF and code upper-case; null flags = not in the file.</summary>
public sealed record CoopCsvRow(
    int Line, string Code, string Name, string Cnpj, string Uf, string City, int FederationId,
    string EncarregadoName, string EncarregadoEmail, string EncarregadoPhone, bool? IsSmallProcessingAgent, bool? IsActive);

/// <summary>What the file says: its valid rows and every problem found. Only a file without errors may be applied.</summary>
public sealed record CoopCsvResult(IReadOnlyList<CoopCsvRow> Rows, IReadOnlyList<CoopCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static CoopCsvResult Failed(params CoopCsvError[] errors) => new([], errors);
}

/// <summary>A federation a row may name, by code ("FED-SP") or by name.</summary>
public sealed record CoopCsvFederation(int Id, string Code, string Name, string Uf);

/// <summary>What the database already holds that the file is checked against.</summary>
/// <param name="CodeByCnpj">Every existing co-op's code, by its 14-digit CNPJ.</param>
public sealed record CoopCsvDirectory(IReadOnlyList<CoopCsvFederation> Federations, IReadOnlyDictionary<string, string> CodeByCnpj);
