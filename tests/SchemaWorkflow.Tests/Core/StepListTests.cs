using SchemaWorkflow.Internal;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class StepListTests
{
    [Fact]
    public void Steps_keep_their_order_and_durations_and_every_read_sees_the_same_instances()
    {
        var list = new CompactStepList([(SchemaStep.Resolve, TimeSpan.FromTicks(3)), (SchemaStep.Generate, TimeSpan.FromMilliseconds(2))]);

        Assert.Equal(2, list.Count);
        Assert.Equal([new StepTiming(SchemaStep.Resolve, TimeSpan.FromTicks(3)), new StepTiming(SchemaStep.Generate, TimeSpan.FromMilliseconds(2))], list);
        Assert.Same(list[1], list[1]);
        Assert.Same(list[0], list.First());
    }

    [Fact]
    public async Task A_generated_result_reports_its_steps_in_order()
    {
        using var t = new TestWorkflow();

        var result = await t.Workflow.GetOrGenerateAsync("pressure transmitter");

        Assert.Equal(
            [SchemaStep.Resolve, SchemaStep.StoreRead, SchemaStep.StoreRead, SchemaStep.Generate, SchemaStep.Validate, SchemaStep.StoreWrite],
            result.Steps.Select(s => s.Step));
        Assert.All(result.Steps, s => Assert.True(s.Duration >= TimeSpan.Zero));
        Assert.Same(result.Steps[3], result.Steps[3]);
    }

    [Fact]
    public async Task A_batch_from_a_lazy_sequence_and_from_an_array_gives_the_same_results_in_order()
    {
        using var t = new TestWorkflow();
        var types = new[] { "type a", "type b", "Type A", "type c" };

        var fromArray = await t.Workflow.GetOrGenerateManyAsync(types);
        var fromSequence = await t.Workflow.GetOrGenerateManyAsync(types.Select(x => x));

        Assert.Equal(types, fromArray.Select(r => r.RequestedName));
        Assert.Equal(types, fromSequence.Select(r => r.RequestedName));
        Assert.Equal(3, t.Generator.Calls);
    }
}
