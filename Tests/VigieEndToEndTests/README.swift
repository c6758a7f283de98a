// End-to-end tests run the real `vigie` binary; they arrive with the command line (see Ingestion/).
