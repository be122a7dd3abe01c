using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Samraad.IntegrationTests;

/// <summary>
/// The OpenAPI document is good enough to work from: NSwag generates a C# client from the running app's document,
/// Roslyn compiles it with GeneratedClient/RespondentWorkflow.cs, and that code runs the respondent's workflow
/// against the app over HTTP.
/// </summary>
public class GeneratedClientTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_client_generated_from_the_document_runs_the_respondent_workflow(Db db)
    {
        await using var app = TestApp.Start(db, kestrel: true);
        await app.CreateUser("faxe-integration", Roles.Respondent, "faxe");
        using var http = app.ServedClient();
        var document = await OpenApiDocument.FromJsonAsync(await http.GetStringAsync("/openapi/v1.json"));
        var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
        {
            ClassName = "SamraadClient",
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            UseBaseUrl = false,
            CSharpGeneratorSettings = { Namespace = "Samraad.Client", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
        }).GenerateFile();

        // NSwag 14.8 uses FileParameter for a multipart body's file property but does not emit the class when the file is a
        // schema reference (IFormFile, as ASP.NET Core documents it): RicoSuter/NSwag#5389. Its own definition is added here.
        if (code.Contains("FileParameter", StringComparison.Ordinal) && !code.Contains("class FileParameter", StringComparison.Ordinal)) code += FileParameter;
        var workflow = Compile(code, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "GeneratedClient", "RespondentWorkflow.cs")));
        var run = workflow.GetType("Samraad.ClientWorkflow.RespondentWorkflow")!.GetMethod("Run")!;
        var seen = await (Task<Dictionary<string, string>>)run.Invoke(null, [http, "faxe-integration", TestApp.Password, "alle-felttyper", "faxe"])!;

        Assert.Equal("True", seen["respondentListed"]);
        Assert.Equal("1.250,00 kr.", seen["draftAmount"]);
        Assert.Equal("Klimatilpasningsplan, Lokal afledning af regnvand (LAR)", seen["draftChoices"]);
        Assert.StartsWith("400 ", seen["badNumber"]);
        Assert.StartsWith("beloeb: ", seen["badNumberField"]);
        Assert.Equal("1.250,00 kr.", seen["receiptAmount"]);
        Assert.Equal("Submitted", seen["statusAfter"]);
        Assert.Equal(seen["receiptNumber"], seen["latestReceipt"]);
    }

    /// <summary>The type NSwag generates for file parameters (its template, in the client's namespace).</summary>
    const string FileParameter = """

        namespace Samraad.Client
        {
            public partial class FileParameter
            {
                public FileParameter(System.IO.Stream data) : this(data, null, null) { }
                public FileParameter(System.IO.Stream data, string fileName) : this(data, fileName, null) { }
                public FileParameter(System.IO.Stream data, string fileName, string contentType) { Data = data; FileName = fileName; ContentType = contentType; }
                public System.IO.Stream Data { get; private set; }
                public string FileName { get; private set; }
                public string ContentType { get; private set; }
            }
        }
        """;

    /// <summary>Compiles the sources against the framework this test runs on, into a collectible load context.</summary>
    static Assembly Compile(params string[] sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("GeneratedSamraadClient",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(d => d.ToString());
        Assert.True(result.Success, "The generated client does not compile:\n" + string.Join("\n", errors));
        image.Position = 0;
        return new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
    }
}
