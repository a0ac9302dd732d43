MATCH (:Dataset {id: $id})<-[:TRAINED_ON]-(m:Model)
RETURN count(m) AS total
