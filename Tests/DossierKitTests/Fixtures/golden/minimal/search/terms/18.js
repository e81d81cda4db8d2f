DOSSIER_SEARCH_SHARD("terms/18",{"t":{"takes":[[3]],"test":[[12]],"text":["Ig"],"the":["/+B","EMB"],"theme":["J"],"this":["Bg",[0]],"thumbnail":[[12]],"to":[[3]],"too":["Ig"],"tromsø":[[12],[12]]}});
