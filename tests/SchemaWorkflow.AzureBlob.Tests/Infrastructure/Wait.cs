namespace SchemaWorkflow.AzureBlob.Tests.Infrastructure;

internal static class Wait
{
    /// <summary>Polls a condition until it holds, failing the test with <paramref name="what"/> after the limit.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }
}
