using SchemaWorkflow.WebApi;

var app = SchemaWorkflowApi.Build(args);
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
