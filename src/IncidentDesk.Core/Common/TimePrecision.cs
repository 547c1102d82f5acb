namespace IncidentDesk.Core.Common;

/// <summary>How precisely a moment is known: reports often say only "March".</summary>
public enum TimePrecision
{
    Exact = 0,
    Day = 1,
    Month = 2,
}
