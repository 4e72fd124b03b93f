using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SchemaWorkflow.Benchmarks.Infrastructure;

/// <summary>What a <see cref="PerItemColumn"/> shows.</summary>
internal enum PerItem
{
    /// <summary>Mean ÷ N.</summary>
    Mean,

    /// <summary>(Mean − mean of the baseline with the same parameters) ÷ N: the cost above the ideal.</summary>
    Overhead,

    /// <summary>Allocated bytes ÷ N.</summary>
    Allocation,
}

/// <summary>
/// Per-item figures for benchmarks with an <c>N</c> parameter: time per item, overhead per item over the baseline
/// (the ideal), bytes allocated per item.
/// </summary>
internal sealed class PerItemColumn(PerItem kind) : IColumn
{
    public string Id => "PerItem" + kind;

    public string ColumnName => kind switch
    {
        PerItem.Mean => "Time/item",
        PerItem.Overhead => "Overhead/item",
        _ => "Alloc/item",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)kind;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => kind switch
    {
        PerItem.Mean => "Mean divided by N, in microseconds",
        PerItem.Overhead => "(Mean - Mean of the baseline with the same parameters) divided by N, in microseconds",
        _ => "Bytes allocated per operation divided by N",
    };

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null || benchmarkCase.Parameters["N"] is not int n || n <= 0)
        {
            return "NA";
        }

        if (kind == PerItem.Mean)
        {
            return Micros(report.ResultStatistics.Mean / n);
        }

        if (kind == PerItem.Allocation)
        {
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is null ? "NA" : (bytes.Value / (double)n).ToString("N0", CultureInfo.InvariantCulture) + " B";
        }

        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        if (baseline is null || summary[baseline]?.ResultStatistics is not { } ideal)
        {
            return "NA";
        }

        return Micros((report.ResultStatistics.Mean - ideal.Mean) / n);
    }

    private static string Micros(double nanoseconds) => (nanoseconds / 1000.0).ToString("0.00", CultureInfo.InvariantCulture) + " μs";

    public override string ToString() => ColumnName;
}

/// <summary>Adds per-item columns to a class.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class PerItemColumnsAttribute(params PerItem[] kinds) : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn([.. kinds.Select(static k => new PerItemColumn(k))]);
}
