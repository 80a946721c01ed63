// Startup project for dotnet-ef; running it does nothing.
System.Console.WriteLine("NspPortal.Data.Design is the dotnet-ef startup project; see its .csproj for the migration commands.");
