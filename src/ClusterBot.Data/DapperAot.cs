using Dapper;

// Every Dapper call in this assembly is replaced at build time by generated code (interceptors): the store runs
// without runtime code generation, which a Native AOT build does not have.
[module: DapperAot]

// Tuple rows take the columns in order, as reflection Dapper binds them; their names are only for the reader.
[module: BindTupleByName(false)]
