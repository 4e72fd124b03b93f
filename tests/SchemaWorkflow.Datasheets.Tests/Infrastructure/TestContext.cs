namespace SchemaWorkflow.Datasheets.Tests.Infrastructure;

/// <summary>A token that bounds a test, so a hang fails instead of blocking the run.</summary>
internal static class TestContext
{
    public static CancellationToken Current() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
