using System.Collections;

namespace IncidentDesk.Web.Outcomes;

/// <summary>
/// A form's refused fields as a service finds them: one error per field (a later check of the same field replaces the
/// earlier one), in the order the fields were first refused. Messages follow the house convention "Error.{code}" in the
/// feature's resource file unless a key is given.
/// </summary>
public sealed class FieldErrors : IReadOnlyList<FieldError>
{
    private readonly List<FieldError> _errors = [];

    public int Count => _errors.Count;

    public FieldError this[int index] => _errors[index];

    /// <summary>Refuses <paramref name="field"/> with <paramref name="code"/>, worded by "Error.{code}" with <paramref name="arguments"/>.</summary>
    public void Add(string field, string code, params object[] arguments) =>
        Add(new FieldError(field, code, $"Error.{code}", arguments.Length == 0 ? null : arguments));

    public void Add(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var index = _errors.FindIndex(e => string.Equals(e.Field, error.Field, StringComparison.Ordinal));
        if (index < 0)
        {
            _errors.Add(error);
        }
        else
        {
            _errors[index] = error;
        }
    }

    public bool Has(string field) => _errors.Exists(e => string.Equals(e.Field, field, StringComparison.Ordinal));

    /// <summary>The invalid result of these refusals (there must be at least one).</summary>
    public Failure ToFailure() => Result.Invalid(_errors);

    public IEnumerator<FieldError> GetEnumerator() => _errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
