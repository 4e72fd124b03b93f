using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SchemaWorkflow.Benchmarks.Infrastructure;

/// <summary>
/// Per-item figures for benchmarks with an <c>N</c> parameter: orchestration overhead per item
/// ((mean − baseline mean) ÷ N, the baseline being the ideal) and bytes allocated per item (allocated ÷ N).
/// </summary>
internal sealed class PerItemColumn(bool allocation) : IColumn
{
    public string Id => allocation ? "AllocPerItem" : "OverheadPerItem";

    public string ColumnName => allocation ? "Alloc/item" : "Overhead/item";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => allocation ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => allocation
        ? "Bytes allocated per operation divided by N"
        : "(Mean - Mean of the baseline with the same parameters) divided by N, in microseconds";

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

        if (allocation)
        {
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is null ? "NA" : (bytes.Value / (double)n).ToString("N0", CultureInfo.InvariantCulture) + " B";
        }

        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        if (baseline is null || summary[baseline]?.ResultStatistics is not { } ideal)
        {
            return "NA";
        }

        var perItemUs = (report.ResultStatistics.Mean - ideal.Mean) / n / 1000.0;
        return perItemUs.ToString("0.00", CultureInfo.InvariantCulture) + " μs";
    }

    public override string ToString() => ColumnName;
}

/// <summary>Adds the per-item columns to a class.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class PerItemColumnsAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(new PerItemColumn(allocation: false), new PerItemColumn(allocation: true));
}
