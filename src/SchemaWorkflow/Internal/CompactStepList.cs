using System.Collections;

namespace SchemaWorkflow.Internal;

/// <summary>
/// A result's steps, held as one array of values until someone reads them. A result outlives its request (a batch
/// holds all of its results until it returns), and one <see cref="StepTiming"/> object per step plus their array were
/// most of the objects a large batch's live set promoted through each collection. The objects are made on the first
/// read, once; every later read, from any thread, sees those same instances.
/// </summary>
internal sealed class CompactStepList : IReadOnlyList<StepTiming>
{
    private readonly (SchemaStep Step, TimeSpan Duration)[] _values;
    private StepTiming[]? _steps;

    /// <summary>Takes ownership of <paramref name="values"/>; the caller must not change it afterwards.</summary>
    /// <param name="values">The steps in order.</param>
    public CompactStepList((SchemaStep Step, TimeSpan Duration)[] values) => _values = values;

    public int Count => _values.Length;

    public StepTiming this[int index] => Materialize()[index];

    public IEnumerator<StepTiming> GetEnumerator() => ((IEnumerable<StepTiming>)Materialize()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private StepTiming[] Materialize()
    {
        if (Volatile.Read(ref _steps) is { } steps)
        {
            return steps;
        }

        var made = new StepTiming[_values.Length];
        for (var i = 0; i < made.Length; i++)
        {
            made[i] = new StepTiming(_values[i].Step, _values[i].Duration);
        }

        // Racing first readers agree on the instances that won.
        return Interlocked.CompareExchange(ref _steps, made, null) ?? made;
    }
}
